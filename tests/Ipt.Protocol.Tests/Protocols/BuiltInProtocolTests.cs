using Ipt.Protocol.Protocols;
using NodaTime;

namespace Ipt.Protocol.Tests.Protocols;

/// <summary>Each built-in variant's parameters, checked against section 3 of the domain reference.</summary>
public class BuiltInProtocolTests
{
    /// <summary>
    /// id, sessions min/default/max, pre-treatment default, initial default, termination default,
    /// cadence in days (0 = monthly), session length min/max in minutes, format, sources.
    /// </summary>
    public static TheoryData<string, int[], int, int, int, int, int[], SessionFormat, string[]> Reference => new()
    {
        { "ipt", [12, 16, 16], 0, 3, 3, 7, [45, 50], SessionFormat.Individual, ["WMK", "ISIPT", "MARK"] },
        { "ipt-b", [8, 8, 8], 0, 2, 2, 7, [45, 50], SessionFormat.Individual, ["SWARTZ"] },
        { "ipt-a", [12, 12, 16], 0, 4, 4, 7, [45, 50], SessionFormat.Individual, ["MUFSON"] },
        { "ipt-g-who", [8, 8, 8], 1, 1, 1, 7, [60, 120], SessionFormat.Group, ["WHO", "WHOPILOT21"] },
        { "ipt-g", [20, 20, 20], 1, 5, 5, 7, [60, 120], SessionFormat.Group, ["WILFLEY"] },
        { "ipc", [3, 6, 6], 0, 1, 1, 7, [25, 35], SessionFormat.Individual, ["IPC"] },
        { "ipt-perinatal", [12, 12, 16], 0, 3, 2, 7, [45, 60], SessionFormat.Individual, ["OHARA", "DENNIS", "SPINELLI03"] },
        { "ipsrt", [16, 26, 54], 0, 4, 4, 7, [45, 60], SessionFormat.Individual, ["FRANK"] },
        { "ipt-m", [1, 12, 36], 0, 0, 0, 0, [45, 50], SessionFormat.Individual, ["FRANK90", "FRANK07"] },
        { "ipt-brief-3", [3, 3, 3], 0, 1, 1, 7, [45, 50], SessionFormat.Individual, ["IPTEST", "SEEDS"] },
        { "ipt-long", [26, 26, 52], 0, 4, 4, 7, [45, 50], SessionFormat.Individual, ["SEEDS"] },
    };

    [Theory]
    [MemberData(nameof(Reference))]
    public void Parameters_match_the_domain_reference(
        string id, int[] sessions, int pre, int initial, int termination, int cadenceDays, int[] lengthMinutes, SessionFormat format, string[] sources)
    {
        var p = ProtocolRegistry.BuiltIn[ProtocolId.From(id)];
        Assert.Equal(new CountRange(sessions[0], sessions[1], sessions[2]), p.Sessions);
        Assert.Equal(pre, p.PreTreatmentSessions.Default);
        Assert.Equal(initial, p.InitialSessions.Default);
        Assert.Equal(termination, p.TerminationSessions.Default);
        Assert.Equal(cadenceDays == 0 ? Period.FromMonths(1) : Period.FromWeeks(cadenceDays / 7), p.Cadence);
        Assert.Equal(Duration.FromMinutes(lengthMinutes[0]), p.SessionLength.Min);
        Assert.Equal(Duration.FromMinutes(lengthMinutes[1]), p.SessionLength.Max);
        Assert.Equal(format, p.Format);
        Assert.Equal(sources, p.Citation.Sources);
    }

    [Fact]
    public void There_are_eleven_built_in_variants_each_cited_with_known_sources_and_consistent()
    {
        Assert.Equal(11, BuiltInProtocols.All.Count);
        Assert.Equal(11, ProtocolRegistry.BuiltIn.Count);
        foreach (var p in BuiltInProtocols.All)
        {
            Assert.All(p.Citation.Sources, key => Assert.True(Sources.TryGet(key, out _), $"{p.Id}: {key}"));
            Assert.Empty(p.Check());
        }
    }

    [Fact]
    public void Variant_specific_requirements_match_the_domain_reference()
    {
        Assert.True(BuiltInProtocols.Standard.Requires(ProtocolRequirement.TwiceWeeklyEarlyAllowed));
        Assert.Equal(2, BuiltInProtocols.Standard.EndingNoticeSessions);
        Assert.Equal(4, BuiltInProtocols.Standard.InitialSessions.Max);
        Assert.Equal(new CountRange(2, 3, 4), BuiltInProtocols.Standard.TerminationSessions);

        Assert.Equal(2, BuiltInProtocols.Brief.InitialSessions.Max);
        Assert.Equal(1, BuiltInProtocols.Brief.PreTreatmentSessions.Max);
        Assert.Empty(BuiltInProtocols.Brief.Requirements); // a "manageable" focus is a clinical judgement, not a checkable requirement

        var a = BuiltInProtocols.Adolescent;
        Assert.Equal(new IntRange(12, 18), a.PatientAge);
        Assert.True(a.Requires(ProtocolRequirement.CaregiverInInitialPhase));
        Assert.True(a.Requires(ProtocolRequirement.LimitedSickRole));
        Assert.True(a.Requires(ProtocolRequirement.ClosenessCircle));
        Assert.True(a.Allows(SessionFormat.Joint));

        Assert.Equal(new IntRange(6, 10), BuiltInProtocols.WhoGroup.GroupSize);
        Assert.True(BuiltInProtocols.WhoGroup.Requires(ProtocolRequirement.PreGroupMeeting));
        Assert.True(BuiltInProtocols.BingeEatingGroup.Requires(ProtocolRequirement.MidTreatmentIndividualMeeting));
        Assert.True(BuiltInProtocols.BingeEatingGroup.Requires(ProtocolRequirement.PostTreatmentIndividualMeeting));

        Assert.Equal(Duration.FromMinutes(45), BuiltInProtocols.Counselling.FirstSessionLength!.Value.Max);
        Assert.Equal(BuiltInInstruments.Epds.Id, BuiltInProtocols.Perinatal.PrimaryInstrument);
        Assert.True(BuiltInProtocols.Perinatal.Allows(DeliveryMode.Telephone));
        Assert.True(BuiltInProtocols.SocialRhythm.Requires(ProtocolRequirement.SocialRhythmMetric));
        Assert.Equal(Phase.Maintenance, BuiltInProtocols.Maintenance.CorePhase);
        Assert.True(BuiltInProtocols.VeryBrief.Requires(ProtocolRequirement.Triage));
    }

    [Fact]
    public void Corrected_variant_facts_follow_their_sources()
    {
        // Perinatal IPT: 12 weekly 60-minute sessions (Dennis), up to 16 antenatally (Spinelli & Endicott 2003).
        Assert.Equal(Duration.FromMinutes(60), BuiltInProtocols.Perinatal.SessionLength.Default);
        Assert.True(BuiltInProtocols.Perinatal.SessionLength.Contains(Duration.FromMinutes(60)));
        Assert.Equal(16, BuiltInProtocols.Perinatal.Sessions.Max);

        // WHO group IPT reviews each member's symptoms at every group session (M).
        Assert.Equal(1, BuiltInProtocols.WhoGroup.MeasurementIntervalSessions);

        // Group IPT for binge eating: the primary outcome is binge eating, not PHQ-9.
        Assert.Equal(BuiltInInstruments.EdeQBingeDays.Id, BuiltInProtocols.BingeEatingGroup.PrimaryInstrument);
    }

    [Fact]
    public void Confidence_follows_the_domain_reference_marks()
    {
        Assert.Equal(Confidence.High, BuiltInProtocols.Standard.Citation.Confidence);
        Assert.Equal(Confidence.Medium, BuiltInProtocols.Adolescent.Citation.Confidence);
        Assert.Equal(Confidence.Medium, BuiltInProtocols.WhoGroup.Citation.Confidence);
        Assert.Equal(Confidence.Medium, BuiltInProtocols.LongTerm.Citation.Confidence);
        Assert.All(BuiltInProtocols.All.Where(p => p.Citation.Confidence != Confidence.High), p => Assert.NotNull(p.ParameterNotes));
    }
}

using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Fhir;

/// <summary>Writes a protocol variant as a PlanDefinition: one action per phase with its timing and tasks, each cited source a relatedArtifact.</summary>
internal static class PlanDefinitionWriter
{
    /// <summary>
    /// The tasks each phase asks for, as the domain reference states them (sections 4 and 10; the
    /// <see cref="SessionTask"/> documentation cites each): a variant requirement adds its task.
    /// Tasks that events call for (risk review, plan review, alternative treatment) have no phase.
    /// </summary>
    private static readonly (Phase Phase, SessionTask Task, ProtocolRequirement? Requirement)[] PhaseTasks =
    [
        (Phase.Initial, SessionTask.Diagnosis, null),
        (Phase.Initial, SessionTask.Psychoeducation, null),
        (Phase.Initial, SessionTask.MedicationAssessment, null),
        (Phase.Initial, SessionTask.InterpersonalInventory, null),
        (Phase.Initial, SessionTask.ClosenessCircle, ProtocolRequirement.ClosenessCircle),
        (Phase.Initial, SessionTask.CaregiverInvolvement, ProtocolRequirement.CaregiverInInitialPhase),
        (Phase.Initial, SessionTask.SymptomLinking, null),
        (Phase.Initial, SessionTask.GoalSetting, null),
        (Phase.Middle, SessionTask.IntervalReview, null),
        (Phase.Middle, SessionTask.SocialRhythmReview, ProtocolRequirement.SocialRhythmMetric),
        (Phase.Middle, SessionTask.TimeLimitReminder, null),
        (Phase.Termination, SessionTask.EndingRaised, null),
        (Phase.Termination, SessionTask.FeelingsAboutEnding, null),
        (Phase.Termination, SessionTask.ProgressReview, null),
        (Phase.Termination, SessionTask.RelapsePreventionPlan, null),
        (Phase.Termination, SessionTask.ContinuationDiscussed, null),
    ];

    public static PlanDefinition Write(ProtocolDefinition protocol, IptFhirOptions options)
    {
        var plan = new PlanDefinition
        {
            Url = options.CanonicalBase + "/PlanDefinition/" + protocol.Id.Value,
            Name = ComputableName(protocol.Id),
            Title = protocol.Name,
            Type = new CodeableConcept { Coding = [new Coding(IptFhirUris.PlanDefinitionType, "clinical-protocol", "Clinical Protocol")] },
            Status = PublicationStatus.Active,
            Description = Description(protocol),
            Usage = protocol.ParameterNotes,
        };
        plan.Identifier.Add(new Identifier(IptFhirUris.CodeSystemBase + "protocol", protocol.Id.Value));
        foreach (var requirement in protocol.Requirements)
        {
            plan.Topic.Add(new CodeableConcept { Coding = [Codes.Of(requirement)] });
        }

        foreach (var key in protocol.Citation.Sources)
        {
            plan.RelatedArtifact.Add(new RelatedArtifact
            {
                Type = RelatedArtifact.RelatedArtifactType.Citation,
                Label = key,
                Display = protocol.Citation.ToString(),
                Citation = Sources.TryGet(key, out var source) ? source.Reference : null,
            });
        }

        var spans = protocol.PhaseSpans();
        var phases = new List<(Phase Phase, CountRange Count)>();
        if (protocol.PreTreatmentSessions.Max > 0)
        {
            phases.Add((Phase.PreTreatment, protocol.PreTreatmentSessions));
        }

        phases.Add((Phase.Initial, protocol.InitialSessions));
        var coreMin = Math.Max(0, protocol.Sessions.Min - protocol.InitialSessions.Max - protocol.TerminationSessions.Max);
        var coreMax = Math.Max(0, protocol.Sessions.Max - protocol.InitialSessions.Min - protocol.TerminationSessions.Min);
        var coreDefault = spans.FirstOrDefault(s => s.Phase == protocol.CorePhase).Count;
        phases.Add((protocol.CorePhase, new CountRange(Math.Min(coreMin, coreDefault), coreDefault, Math.Max(coreMax, coreDefault))));
        phases.Add((Phase.Termination, protocol.TerminationSessions));

        foreach (var (phase, count) in phases)
        {
            if (count.Max == 0)
            {
                continue;
            }

            var span = spans.FirstOrDefault(s => s.Phase == phase);
            var action = new PlanDefinition.ActionComponent
            {
                Title = PhaseTitle(phase),
                Description = span.Count > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"Sessions {span.First} to {span.Last} of the default course; {count} sessions.")
                    : string.Create(CultureInfo.InvariantCulture, $"{count} sessions."),
                Code = [new CodeableConcept { Coding = [Codes.Of(phase)] }],
                Timing = TimingOf(protocol, phase, count),
                RequiredBehavior = count.Min == 0 ? ActionRequiredBehavior.Could : ActionRequiredBehavior.Must,
            };
            foreach (var (taskPhase, task, requirement) in PhaseTasks)
            {
                var phaseOfTask = taskPhase == Phase.Middle ? protocol.CorePhase : taskPhase;
                if (phaseOfTask == phase && (requirement is null || protocol.Requires(requirement.Value)))
                {
                    action.Action.Add(new PlanDefinition.ActionComponent
                    {
                        Title = Humanize(task.ToString()),
                        Code = [new CodeableConcept { Coding = [Codes.Of(task)] }],
                    });
                }
            }

            plan.Action.Add(action);
        }

        return plan;
    }

    /// <summary>A name usable as an identifier (pdf-0): <c>ipt-g-who</c> → <c>IptGWho</c>.</summary>
    internal static string ComputableName(ProtocolId id)
    {
        var name = new StringBuilder();
        foreach (var part in id.Value.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            name.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return name.Length > 0 && char.IsAsciiLetterUpper(name[0]) ? name.ToString() : "P" + name;
    }

    private static string Description(ProtocolDefinition protocol)
    {
        var text = new StringBuilder(protocol.Summary);
        text.Append(CultureInfo.InvariantCulture, $"\n\n{protocol.Sessions} treatment sessions");
        if (protocol.PreTreatmentSessions.Max > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" after {protocol.PreTreatmentSessions} pre-treatment sessions");
        }

        text.Append(CultureInfo.InvariantCulture, $", every {protocol.Cadence}, {protocol.SessionLength} each; format {Codes.CodeOf(protocol.Format)}.");
        text.Append(CultureInfo.InvariantCulture, $" Source: {protocol.Citation}.");
        return text.ToString();
    }

    private static Timing TimingOf(ProtocolDefinition protocol, Phase phase, CountRange count)
    {
        var length = phase == Phase.Initial && protocol.FirstSessionLength is { } first ? first : protocol.SessionLength;
        var repeat = new Timing.RepeatComponent
        {
            // A phase that may have no session (IPT-B's engagement session) is optional (requiredBehavior could).
            Count = Math.Max(count.Min, 1),
            CountMax = count.Max > Math.Max(count.Min, 1) ? count.Max : null,
            Duration = (decimal)length.Min.TotalMinutes,
            DurationMax = length.Max > length.Min ? (decimal)length.Max.TotalMinutes : null,
            DurationUnit = Hl7.Fhir.Model.Timing.UnitsOfTime.Min,
            Frequency = 1,
        };
        if (Codes.ToFhir(protocol.Cadence) is Quantity { Value: { } period, Code: { } unit })
        {
            repeat.Period = period;
            repeat.PeriodUnit = unit switch
            {
                "a" => Hl7.Fhir.Model.Timing.UnitsOfTime.A,
                "mo" => Hl7.Fhir.Model.Timing.UnitsOfTime.Mo,
                "wk" => Hl7.Fhir.Model.Timing.UnitsOfTime.Wk,
                _ => Hl7.Fhir.Model.Timing.UnitsOfTime.D,
            };
        }

        return new Timing { Repeat = repeat };
    }

    /// <summary><c>MedicationAssessment</c> → <c>Medication assessment</c>.</summary>
    private static string Humanize(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterUpper(c) && text.Length > 0)
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static string PhaseTitle(Phase phase) => phase switch
    {
        Phase.PreTreatment => "Pre-treatment phase",
        Phase.Initial => "Initial phase",
        Phase.Middle => "Middle phase",
        Phase.Termination => "Termination phase",
        _ => "Maintenance phase",
    };
}

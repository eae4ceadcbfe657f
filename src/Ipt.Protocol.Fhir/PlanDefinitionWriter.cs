using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Fhir;

/// <summary>
/// Writes a protocol variant as a PlanDefinition: one action per phase with its timing (the cadence in
/// force at the phase's first session, taper included) and tasks (the protocol's phase tasks,
/// <see cref="PhaseTasks.For"/>, that a session records), each cited source a relatedArtifact.
/// </summary>
internal static class PlanDefinitionWriter
{
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

        var split = protocol.PlanPhases();
        var spans = split.Spans();
        var phases = new List<(Phase Phase, CountRange Count)>();
        if (protocol.PreTreatmentSessions.Max > 0)
        {
            phases.Add((Phase.PreTreatment, protocol.PreTreatmentSessions));
        }

        phases.Add((Phase.Initial, protocol.InitialSessions));
        var maintenance = protocol.CorePhase == Phase.Middle ? protocol.MaintenanceSessions : default;
        var coreMin = Math.Max(0, protocol.Sessions.Min - protocol.InitialSessions.Max - protocol.TerminationSessions.Max - maintenance.Max);
        var coreMax = Math.Max(0, protocol.Sessions.Max - protocol.InitialSessions.Min - protocol.TerminationSessions.Min - maintenance.Min);
        var coreDefault = split.Count(protocol.CorePhase);
        phases.Add((protocol.CorePhase, new CountRange(Math.Min(coreMin, coreDefault), coreDefault, Math.Max(coreMax, coreDefault))));
        if (maintenance.Max > 0)
        {
            phases.Add((Phase.Maintenance, maintenance));
        }

        phases.Add((Phase.Termination, protocol.TerminationSessions));
        var tasks = PhaseTasks.For(protocol);

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
                Timing = TimingOf(protocol, phase, count, CadenceAtFirst(protocol, split, phase)),
                RequiredBehavior = count.Min == 0 ? ActionRequiredBehavior.Could : ActionRequiredBehavior.Must,
            };
            foreach (var task in tasks)
            {
                // Middle-phase tasks belong to every phase between initial and termination (middle, maintenance).
                var inPhase = task.Phase == Phase.Middle ? phase is Phase.Middle or Phase.Maintenance : task.Phase == phase;
                if (inPhase && task.RecordedAs is { } recorded)
                {
                    action.Action.Add(new PlanDefinition.ActionComponent
                    {
                        Title = Humanize(recorded.ToString()),
                        Code = [new CodeableConcept { Coding = [Codes.Of(recorded)] }],
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

    /// <summary>The cadence in force at the first session of a phase of the default course (a taper's step, or the one before it).</summary>
    private static NodaTime.Period CadenceAtFirst(ProtocolDefinition protocol, PhasePlan plan, Phase phase)
    {
        var cadence = protocol.Cadence;
        for (var number = 1; number <= plan.LastSession; number++)
        {
            var at = plan.PhaseOf(number) ?? plan.LastPhase;
            var ofPhase = number - plan.First(at) + 1;
            cadence = protocol.StepAt(at, ofPhase)?.Cadence ?? cadence;
            if (at == phase)
            {
                return cadence;
            }
        }

        return protocol.StepAt(phase, 1)?.Cadence ?? cadence;
    }

    private static Timing TimingOf(ProtocolDefinition protocol, Phase phase, CountRange count, NodaTime.Period cadence)
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
        if (Codes.ToFhir(cadence) is Quantity { Value: { } period, Code: { } unit })
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

using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>Shared helpers of the built-in rules. Everything here is allocation-free unless a finding is reported.</summary>
internal static class RuleHelpers
{
    internal static readonly TechniqueId IntervalReviewTechnique = TechniqueId.From("interval-review");
    internal static readonly InstrumentId Srm5 = InstrumentId.From("srm-5");
    internal static readonly InstrumentId Srm17 = InstrumentId.From("srm-17");

    internal static Citation Cite(Confidence confidence, params string[] sources) => new(confidence, sources);

    /// <summary>A treatment session that took or takes a slot of the contract (neither cancelled nor replaced by a make-up).</summary>
    internal static bool Counts(in RuleContext context, Session session) => context.TakesSlot(session);

    internal static bool HasInitialPhase(ProtocolDefinition protocol) => protocol.InitialSessions.Max > 0 && protocol.CorePhase == Phase.Middle;

    internal static bool HasTermination(ProtocolDefinition protocol) => protocol.TerminationSessions.Max > 0;

    /// <summary>The number of the last non-cancelled initial-phase session, or 0.</summary>
    internal static int LastInitialNumber(Course course)
    {
        var last = 0;
        foreach (var session in course.Sessions)
        {
            if (session.Phase == Phase.Initial && !session.IsCancelled)
            {
                last = session.Number;
            }
        }

        return last;
    }

    /// <summary>
    /// Whether a held session of the given phase (treatment sessions only) records a task; for the
    /// initial phase, pre-treatment meetings count when the protocol does the initial tasks there.
    /// </summary>
    internal static bool TaskInPhase(in RuleContext context, Phase phase, SessionTask task)
    {
        foreach (var session in context.Course.Sessions)
        {
            var inPhase = phase == Phase.Initial
                ? context.CountsForInitialTasks(session)
                : session.IsHeld && session.Phase == phase && context.IsTreatment(session);
            if (inPhase && session.Has(task))
            {
                return true;
            }
        }

        return false;
    }

    internal static int IndexOfMeasure(Session session, InstrumentId instrument)
    {
        var measures = session.Measures.AsSpan();
        for (var j = 0; j < measures.Length; j++)
        {
            if (measures[j].Instrument == instrument)
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Whether an assessment was taken before treatment (intake, screening, pre-treatment): a baseline may come from it.</summary>
    internal static bool IsBeforeTreatment(Assessment assessment) =>
        assessment.Occasion is AssessmentOccasion.Intake or AssessmentOccasion.Screening or AssessmentOccasion.PreTreatment;

    /// <summary>
    /// The baseline score of an instrument: the earliest pre-treatment assessment that has it (by date),
    /// else the first held session that has it (a pre-treatment meeting or a treatment session).
    /// </summary>
    internal static bool TryGetBaseline(in RuleContext context, InstrumentId instrument, out int score)
    {
        Measurement? found = null;
        NodaTime.LocalDate foundOn = default;
        foreach (var assessment in context.Course.Assessments)
        {
            if (IsBeforeTreatment(assessment) && assessment.MeasureOf(instrument) is { } measure && (found is null || assessment.Date < foundOn))
            {
                found = measure;
                foundOn = assessment.Date;
            }
        }

        if (found is null)
        {
            foreach (var session in context.Course.Sessions)
            {
                if (session.IsHeld && session.MeasureOf(instrument) is { } measure)
                {
                    found = measure;
                    break;
                }
            }
        }

        score = found?.Score ?? 0;
        return found is not null;
    }

    internal static DiagnosticArgument ProtocolArg(in RuleContext context) => DiagnosticArgument.From("protocol", context.Protocol.Id);
}

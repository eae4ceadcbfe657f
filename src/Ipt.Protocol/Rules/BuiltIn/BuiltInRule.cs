using Ipt.Protocol.Protocols;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>Shared helpers of the built-in rules. Everything here is allocation-free unless a finding is reported.</summary>
internal static class RuleHelpers
{
    internal static readonly InstrumentId Srm5 = InstrumentId.From("srm-5");
    internal static readonly InstrumentId Srm17 = InstrumentId.From("srm-17");

    internal static Citation Cite(Confidence confidence, params string[] sources) => new(confidence, sources);

    /// <summary>A treatment session that took or takes a slot of the contract (neither cancelled nor replaced by a make-up).</summary>
    internal static bool Counts(in RuleContext context, Session session) => context.Timeline.TakesSlot(session);

    internal static bool HasInitialPhase(ProtocolDefinition protocol) => protocol.InitialSessions.Max > 0 && protocol.CorePhase == Phase.Middle;

    internal static bool HasTermination(ProtocolDefinition protocol) => protocol.TerminationSessions.Max > 0;

    /// <summary>The number of the last session of the initial phase as the record stands (its window's deadline in the timeline).</summary>
    internal static int LastInitialNumber(in RuleContext context) => context.Timeline.PhaseWindow(Phase.Initial).Deadline;

    /// <summary>
    /// Whether a held session that counts for the tasks of a phase (see <see cref="CourseTimeline.CountsFor"/>)
    /// records a task; for the initial phase, pre-treatment meetings count when the protocol does the
    /// initial tasks there.
    /// </summary>
    internal static bool TaskInPhase(in RuleContext context, Phase phase, SessionTask task)
    {
        foreach (var session in context.Course.Sessions)
        {
            if (context.Timeline.CountsFor(phase, session) && session.Has(task))
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

    /// <summary>A score as a message argument: a whole number as before, a mean (SRM) with its decimals.</summary>
    internal static DiagnosticArgument ScoreArg(string name, decimal value) =>
        value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue
            ? From(name, (int)value)
            : FromLibraryText(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal static DiagnosticArgument ProtocolArg(in RuleContext context) => DiagnosticArgument.From("protocol", context.Protocol.Id);
}

using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>Shared helpers of the built-in rules. Everything here is allocation-free unless a finding is reported.</summary>
internal static class RuleHelpers
{
    internal static readonly TechniqueId IntervalReviewTechnique = TechniqueId.From("interval-review");
    internal static readonly InstrumentId Srm5 = InstrumentId.From("srm-5");
    internal static readonly InstrumentId Srm17 = InstrumentId.From("srm-17");

    // Instruments.TryGet enumerates an IReadOnlyList (an enumerator allocation per call); rules look up here instead.
    private static readonly Instrument[] KnownInstruments = [.. Instruments.All];

    /// <summary>Looks up a built-in instrument without allocating.</summary>
    internal static bool TryGetInstrument(InstrumentId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Instrument? instrument)
    {
        foreach (var candidate in KnownInstruments)
        {
            if (candidate.Id == id)
            {
                instrument = candidate;
                return true;
            }
        }

        instrument = null;
        return false;
    }

    internal static Citation Cite(Confidence confidence, params string[] sources) => new(confidence, sources);

    /// <summary>A treatment session that took or takes a slot (not cancelled).</summary>
    internal static bool Counts(in RuleContext context, Session session) =>
        session.Status != SessionStatus.Cancelled && context.IsTreatment(session);

    internal static bool HasInitialPhase(ProtocolDefinition protocol) => protocol.InitialSessions.Max > 0 && protocol.CorePhase == Phase.Middle;

    internal static bool HasTermination(ProtocolDefinition protocol) => protocol.TerminationSessions.Max > 0;

    /// <summary>The number of the last non-cancelled initial-phase session, or 0.</summary>
    internal static int LastInitialNumber(Course course)
    {
        var last = 0;
        foreach (var session in course.Sessions)
        {
            if (session.Phase == Phase.Initial && session.Status != SessionStatus.Cancelled)
            {
                last = session.Number;
            }
        }

        return last;
    }

    /// <summary>Whether a held session of the given phase (treatment sessions only) records a task.</summary>
    internal static bool TaskInPhase(in RuleContext context, Phase phase, SessionTask task)
    {
        foreach (var session in context.Course.Sessions)
        {
            if (session.IsHeld && session.Phase == phase && context.IsTreatment(session) && session.Has(task))
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

    internal static DiagnosticArgument ProtocolArg(in RuleContext context) => DiagnosticArgument.From("protocol", context.Protocol.Id);
}

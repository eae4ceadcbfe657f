using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>
/// When the issue 15 rules (RequirementRules.cs, FidelityRules.cs) judge a task: the few timing facts
/// they need beyond <see cref="RuleContext"/>, kept in one place so that they can move onto the
/// course's protocol timeline when it exists. Everything here reads the record as it stands (held
/// sessions only; nothing is due before the phase it belongs to is over) and allocates nothing.
/// </summary>
internal static class FidelityTiming
{
    /// <summary>
    /// Whether the middle phase is over: a held termination-phase treatment session, or a completed
    /// course. A record fetched in the middle phase, or one that ended early before termination, is
    /// not judged on the middle phase as a whole.
    /// </summary>
    internal static bool MiddlePhaseOver(in RuleContext context) => context.IsFinished || FirstHeldTermination(context) >= 0;

    /// <summary>The number of the first held termination-phase treatment session, or -1.</summary>
    internal static int FirstHeldTermination(in RuleContext context)
    {
        foreach (var session in context.Course.Sessions.AsSpan())
        {
            if (session.IsHeld && session.Phase == Phase.Termination && context.IsTreatment(session))
            {
                return session.Number;
            }
        }

        return -1;
    }

    /// <summary>The number of the first (non-cancelled) termination-phase treatment session, or -1.</summary>
    internal static int FirstTermination(in RuleContext context)
    {
        foreach (var session in context.Course.Sessions.AsSpan())
        {
            if (session.Phase == Phase.Termination && !session.IsCancelled && context.IsTreatment(session))
            {
                return session.Number;
            }
        }

        return -1;
    }

    /// <summary>The numbers of the first and last held treatment sessions, or -1.</summary>
    internal static (int First, int Last) HeldTreatmentBounds(in RuleContext context)
    {
        var first = -1;
        var last = -1;
        foreach (var session in context.Course.Sessions.AsSpan())
        {
            if (session.IsHeld && context.IsTreatment(session))
            {
                if (first < 0)
                {
                    first = session.Number;
                }

                last = session.Number;
            }
        }

        return (first, last);
    }

    /// <summary>The length of the protocol's cadence in whole days (a month counts 30, a year 365); at least 1.</summary>
    internal static int CadenceDays(ProtocolDefinition protocol)
    {
        var cadence = protocol.Cadence;
        var days = (cadence.Years * 365L) + (cadence.Months * 30L) + (cadence.Weeks * 7L) + cadence.Days;
        return (int)Math.Clamp(days, 1, int.MaxValue);
    }

    /// <summary>
    /// Whether an appointment was offered to the patient: held, or missed or called off by the patient
    /// (their attendance, not the service's delivery). Planned appointments and service cancellations were not delivered.
    /// </summary>
    internal static bool WasOffered(Session session) =>
        session.Status is SessionStatus.Held or SessionStatus.Missed or SessionStatus.CancelledByPatient;
}

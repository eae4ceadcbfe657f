using Ipt.Protocol.Protocols;
using Ipt.Protocol.Techniques;
using static Ipt.Protocol.Rules.BuiltIn.RuleHelpers;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>
/// IPT0310: the interpersonal inventory is first recorded (the interpersonalInventory task or the
/// interpersonal-inventory technique) in a session after the initial phase. A record that never tags
/// the inventory is not judged here (IPT0302 reports an empty inventory). [WMK, ISIPT, MARK] (H)
/// </summary>
internal sealed class InventoryTimingRule : InitialPhaseRule
{
    public static readonly InventoryTimingRule Instance = new();

    private static readonly PhaseTask Inventory = PhaseTasks.Of(ProtocolTask.InterpersonalInventory);

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0310",
        "Interpersonal inventory begun after the initial phase",
        "The interpersonal inventory is first recorded at session {number}, a {phase}-phase session; it is taken in the initial phase.",
        RuleCategory.InitialTasks,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "ISIPT", "MARK"));

    protected override void CheckAfterInitialPhase(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            var session = sessions[i];
            if (!session.IsHeld || !Inventory.IsRecordedIn(session, context.Course))
            {
                continue;
            }

            if (context.Timeline.CountsForInitialTasks(session) || session.Phase is Phase.PreTreatment or Phase.Initial)
            {
                return;
            }

            sink.Report(Descriptor, DocumentPath.Session(i).Property(session.Has(SessionTask.InterpersonalInventory) ? "tasks" : "techniques"), From("number", session.Number), FromEnum("phase", session.Phase));
            return;
        }
    }
}

/// <summary>Base of the initial-phase task rules of issue 15: no session that counts for the initial tasks records the task.</summary>
internal abstract class InitialTaskMissingRule : InitialPhaseRule
{
    protected abstract SessionTask Task { get; }

    protected override void CheckAfterInitialPhase(in RuleContext context, ref DiagnosticSink sink)
    {
        if (!TaskInPhase(context, Phase.Initial, Task))
        {
            sink.Report(Descriptor, DocumentPath.Of("sessions"), FromEnum("task", Task));
        }
    }
}

/// <summary>IPT0311: no diagnosis in the initial phase. [MARK, WMK, IPTUK] (H)</summary>
internal sealed class DiagnosisRule : InitialTaskMissingRule
{
    public static readonly DiagnosisRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0311",
        "Diagnosis not recorded in the initial phase",
        "No held initial-phase session records the {task} task (the depression diagnosed, its severity rated and the diagnosis given to the patient).",
        RuleCategory.InitialTasks,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "MARK", "WMK", "IPTUK"));

    protected override SessionTask Task => SessionTask.Diagnosis;
}

/// <summary>IPT0312: the symptoms are not linked to the interpersonal context in the initial phase. [WMK, MARK, IPTUK] (H)</summary>
internal sealed class SymptomLinkingRule : InitialTaskMissingRule
{
    public static readonly SymptomLinkingRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0312",
        "Symptoms not linked to the interpersonal context",
        "No held initial-phase session records the {task} task (the onset of the mood symptoms linked to interpersonal events).",
        RuleCategory.InitialTasks,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "MARK", "IPTUK"));

    protected override SessionTask Task => SessionTask.SymptomLinking;
}

/// <summary>
/// IPT0506: the focus is not kept through the middle phase: fewer than the protocol's
/// <see cref="ProtocolDefinition.FocusStrategyPercent"/> of the held middle-phase sessions use a
/// strategy technique of a focus area. Judged once the middle phase is over; a course that used no
/// strategy at all is IPT0505's finding. Only focus areas that have strategies in the catalogue count.
/// </summary>
internal sealed class FocusKeptRule : CourseRule
{
    public static readonly FocusKeptRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0506",
        "Focus not kept through the middle phase",
        "{used} of the {count} held middle-phase sessions use a strategy of a focus area; the {protocol} protocol keeps to the focus in at least {percent}% of them.",
        RuleCategory.Techniques,
        DiagnosticSeverity.Warning,
        Cite(Confidence.Medium, "WMK", "ISIPT", "IPTI", "CSPRS"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.CorePhase == Phase.Middle && HasTermination(protocol);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var catalogue = context.Techniques;
        if (catalogue.Count == 0 || context.Course.Formulation is not { } formulation || !context.Timeline.IsPhaseOver(Phase.Middle))
        {
            return;
        }

        var areas = formulation.Areas;
        if (!AnyStrategy(catalogue, areas))
        {
            return;
        }

        var count = 0;
        var used = 0;
        foreach (var session in context.Course.Sessions.AsSpan())
        {
            if (session.IsHeld && session.Phase == Phase.Middle && context.Timeline.IsTreatment(session))
            {
                count++;
                if (UsesStrategy(catalogue, session, areas))
                {
                    used++;
                }
            }
        }

        var percent = context.Protocol.FocusStrategyPercent;
        if (used > 0 && used * 100L < (long)percent * count)
        {
            sink.Report(Descriptor, DocumentPath.Of("sessions"), From("used", used), From("count", count), ProtocolArg(context), From("percent", percent));
        }
    }

    private static bool AnyStrategy(TechniqueCatalogue catalogue, ValueList<FocusArea> areas)
    {
        foreach (var entry in catalogue)
        {
            if (IsStrategyFor(entry, areas))
            {
                return true;
            }
        }

        return false;
    }

    private static bool UsesStrategy(TechniqueCatalogue catalogue, Session session, ValueList<FocusArea> areas)
    {
        foreach (var technique in session.Techniques)
        {
            if (catalogue.TryGet(technique, out var entry) && IsStrategyFor(entry, areas))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStrategyFor(TechniqueEntry entry, ValueList<FocusArea> areas)
    {
        foreach (var focus in areas)
        {
            if (entry.StrategyFor.Contains(focus.Area))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// IPT0507: the middle phase is over and none of its held sessions (maintenance included, where the
/// variant has one) recalled the time limit (the timeLimitReminder task, or the ending raised while
/// still in the middle phase: <see cref="ProtocolTask.TimeLimitReminder"/>). Info: the adherence
/// scales rate time-limit reminders, but how often is not fixed by the sources.
/// </summary>
internal sealed class TimeLimitReminderRule : CourseRule
{
    public static readonly TimeLimitReminderRule Instance = new();

    private static readonly PhaseTask Reminder = PhaseTasks.Of(ProtocolTask.TimeLimitReminder);

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0507",
        "Time limit not recalled in the middle phase",
        "None of the {count} held middle-phase sessions records the {task} task or raises the ending; IPT keeps the time limit in view.",
        RuleCategory.Techniques,
        DiagnosticSeverity.Info,
        Cite(Confidence.Medium, "WMK", "ISIPT", "CSPRS"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.CorePhase == Phase.Middle && HasTermination(protocol);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (!context.Timeline.IsPhaseOver(Phase.Middle))
        {
            return;
        }

        var count = 0;
        foreach (var session in context.Course.Sessions.AsSpan())
        {
            if (context.Timeline.CountsFor(Phase.Middle, session))
            {
                if (Reminder.IsRecordedIn(session, context.Course))
                {
                    return;
                }

                count++;
            }
        }

        if (count > 0)
        {
            sink.Report(Descriptor, DocumentPath.Of("sessions"), From("count", count), FromEnum("task", SessionTask.TimeLimitReminder));
        }
    }
}

/// <summary>IPT0608: no acknowledgement of the feelings about ending in termination. [WMK, STUART, ISIPT] (H)</summary>
internal sealed class FeelingsAboutEndingRule : TerminationTaskRule
{
    public static readonly FeelingsAboutEndingRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0608",
        "Feelings about ending not acknowledged",
        "The course is over and no termination-phase session records the {task} task.",
        RuleCategory.Termination,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "STUART", "ISIPT"));

    protected override SessionTask Task => SessionTask.FeelingsAboutEnding;
}

using Ipt.Protocol.Protocols;
using static Ipt.Protocol.Rules.BuiltIn.RuleHelpers;
using static Ipt.Protocol.Rules.BuiltIn.FocusFacts;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>IPT0401: more focus areas than the variant allows. Candidate 20.</summary>
internal sealed class TooManyFocusAreasRule : CourseRule
{
    public static readonly TooManyFocusAreasRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0401",
        "Too many problem areas",
        "The formulation has {count} focus areas; the {protocol} protocol allows at most {max}.",
        RuleCategory.Focus,
        DiagnosticSeverity.Error,
        Cite(Confidence.Medium, "ISIPT", "WMK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var max = context.Protocol.MaxFocusAreas;
        if (context.Course.Formulation is { } formulation && formulation.Areas.Count > max)
        {
            sink.Report(Descriptor, DocumentPath.Of("formulation").Property("areas").At(max), From("count", formulation.Areas.Count), ProtocolArg(context), From("max", max));
        }
    }
}

/// <summary>IPT0402: no primary focus area, or more than one. Candidate 21.</summary>
internal sealed class PrimaryFocusRule : CourseRule
{
    public static readonly PrimaryFocusRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0402",
        "Not exactly one primary problem area",
        "The formulation has {count} primary focus areas; exactly one is expected.",
        RuleCategory.Focus,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "ISIPT", "WMK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Course.Formulation is not { } formulation || formulation.Areas.IsEmpty)
        {
            return;
        }

        var areas = formulation.Areas.AsSpan();
        var count = 0;
        var second = -1;
        for (var i = 0; i < areas.Length; i++)
        {
            if (areas[i].Rank == FocusRank.Primary && ++count == 2)
            {
                second = i;
            }
        }

        if (count == 0)
        {
            sink.Report(Descriptor, DocumentPath.Of("formulation").Property("areas"), From("count", 0));
        }
        else if (count > 1)
        {
            sink.Report(Descriptor, DocumentPath.Of("formulation").Property("areas").At(second).Property("rank"), From("count", count));
        }
    }
}

/// <summary>IPT0403: interpersonal deficits chosen while the inventory relates someone to another area. Candidate 22.</summary>
internal sealed class DeficitsWhileOtherAppliesRule : CourseRule
{
    public static readonly DeficitsWhileOtherAppliesRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0403",
        "Interpersonal deficits chosen while another area applies",
        "Interpersonal deficits is a focus although the inventory relates person {person} to {area}; deficits is chosen only when no other area applies.",
        RuleCategory.Focus,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "STUART"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Course.Formulation is not { } formulation)
        {
            return;
        }

        var areas = formulation.Areas.AsSpan();
        for (var i = 0; i < areas.Length; i++)
        {
            if (areas[i].Area != ProblemArea.InterpersonalDeficits)
            {
                continue;
            }

            foreach (var person in context.Course.Inventory.Persons)
            {
                if (person.RelatedArea is { } related && related != ProblemArea.InterpersonalDeficits)
                {
                    sink.Report(Descriptor, DocumentPath.Of("formulation").Property("areas").At(i).Property("area"), From("person", person.Id), FromEnum("area", related));
                    break;
                }
            }
        }
    }
}

/// <summary>IPT0404: a role-dispute focus without a stage. Candidate 23.</summary>
internal sealed class DisputeStageRule : CourseRule
{
    public static readonly DisputeStageRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0404",
        "Role dispute without a stage",
        "Focus area {number} is a role dispute without a stage; determine renegotiation, impasse or dissolution.",
        RuleCategory.Focus,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WMK", "CITC"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Course.Formulation is not { } formulation)
        {
            return;
        }

        var areas = formulation.Areas.AsSpan();
        for (var i = 0; i < areas.Length; i++)
        {
            if (areas[i].Area == ProblemArea.RoleDispute && areas[i].DisputeStage is null)
            {
                sink.Report(Descriptor, DocumentPath.Of("formulation").Property("areas").At(i).Property("disputeStage"), From("number", i + 1));
            }
        }
    }
}

/// <summary>IPT0405: a grief focus without a recorded death (Weissman taxonomy). Candidate 24.</summary>
internal sealed class GriefWithoutDeathRule : CourseRule
{
    public static readonly GriefWithoutDeathRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0405",
        "Grief focus without a recorded death",
        "Focus area {number} is grief, but no person it concerns is recorded as deceased; under the Weissman taxonomy a non-death loss is a role transition.",
        RuleCategory.Focus,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.Taxonomy == ProblemAreaTaxonomy.Weissman;

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Course.Formulation is not { } formulation)
        {
            return;
        }

        var inventory = context.Course.Inventory;
        var areas = formulation.Areas.AsSpan();
        for (var i = 0; i < areas.Length; i++)
        {
            if (areas[i].Area != ProblemArea.Grief)
            {
                continue;
            }

            var death = false;
            if (areas[i].Persons.IsEmpty)
            {
                foreach (var person in inventory.Persons)
                {
                    death |= person.Deceased;
                }

                foreach (var lifeEvent in context.Course.LifeEvents)
                {
                    death |= lifeEvent.Kind == LifeEventKind.Death;
                }
            }
            else
            {
                foreach (var id in areas[i].Persons)
                {
                    death |= (inventory.TryGet(id, out var person) && person.Deceased) || DeathOf(context.Course, id);
                }
            }

            if (!death)
            {
                sink.Report(Descriptor, DocumentPath.Of("formulation").Property("areas").At(i).Property("area"), From("number", i + 1));
            }
        }
    }
}

/// <summary>Shared look-ups of the focus rules.</summary>
internal static class FocusFacts
{
    /// <summary>Whether a death life event names the person.</summary>
    internal static bool DeathOf(Course course, PersonId id)
    {
        foreach (var lifeEvent in course.LifeEvents)
        {
            if (lifeEvent.Kind == LifeEventKind.Death && lifeEvent.Persons.Contains(id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether two focus lists name the same problem areas (ranks and stages aside).</summary>
    internal static bool SameAreas(ValueList<FocusArea> a, ValueList<FocusArea> b)
    {
        foreach (var x in a)
        {
            if (!Includes(b, x.Area))
            {
                return false;
            }
        }

        foreach (var y in b)
        {
            if (!Includes(a, y.Area))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Includes(ValueList<FocusArea> areas, ProblemArea area)
    {
        foreach (var focus in areas)
        {
            if (focus.Area == area)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// IPT0406: the problem area changes in the middle phase without a renegotiation of the contract at
/// that session, from the focus history (<see cref="Formulation.Changes"/>); for a record without a
/// history, the focus chosen (last) in the middle phase counts as the change. Candidate 25.
/// </summary>
internal sealed class FocusChangedRule : CourseRule
{
    public static readonly FocusChangedRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0406",
        "Focus changed in the middle phase without renegotiation",
        "The problem area changed at session {session}, in the middle phase (from session {first}), without a renegotiation of the contract at that session.",
        RuleCategory.Focus,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK"));

    public override bool AppliesTo(ProtocolDefinition protocol) => HasInitialPhase(protocol);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var first = context.Timeline.FirstCoreSessionNumber;
        if (first < 0 || context.Course.Formulation is not { } formulation)
        {
            return;
        }

        var changes = formulation.Changes.AsSpan();
        if (!changes.IsEmpty)
        {
            for (var i = 0; i < changes.Length; i++)
            {
                var at = changes[i].AtSession;
                var after = i + 1 < changes.Length ? changes[i + 1].Previous : formulation.Areas;
                if (at >= first && !FocusFacts.SameAreas(changes[i].Previous, after) && !RenegotiatedAt(context.Course, at))
                {
                    sink.Report(Descriptor, DocumentPath.Of("formulation").Property("changes").At(i).Property("atSession"), From("session", at), From("first", first));
                }
            }

            return;
        }

        // A record without a focus history: the focus chosen (last) in the middle phase counts as a change.
        if (formulation.ChosenAtSession is { } chosen && chosen >= first && !RenegotiatedAt(context.Course, chosen))
        {
            sink.Report(Descriptor, DocumentPath.Of("formulation").Property("chosenAtSession"), From("session", chosen), From("first", first));
        }
    }

    private static bool RenegotiatedAt(Course course, int session)
    {
        foreach (var renegotiation in course.Renegotiations)
        {
            if (renegotiation.AtSession == session)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// IPT0407: interpersonal deficits is a focus although a life event near the onset of symptoms points
/// to another problem area (a death to grief; a separation, move, job loss, retirement, birth or
/// illness to a role transition). Deficits is chosen only when no other area applies. Candidate 22.
/// "Near" is the protocol's <see cref="ProtocolDefinition.NearOnsetDays"/>.
/// </summary>
internal sealed class DeficitsDespiteLifeEventRule : CourseRule
{
    public static readonly DeficitsDespiteLifeEventRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0407",
        "Interpersonal deficits chosen despite a life event near onset",
        "Interpersonal deficits is a focus although a {kind} on {date}, within {days} days of the onset on {onset}, points to {area}; deficits is chosen only when no other area applies.",
        RuleCategory.Focus,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "STUART"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Course.Onset is not { } onset || context.Course.Formulation is not { } formulation || context.Course.LifeEvents.IsEmpty)
        {
            return;
        }

        var window = context.Protocol.NearOnsetDays;
        var areas = formulation.Areas.AsSpan();
        for (var i = 0; i < areas.Length; i++)
        {
            if (areas[i].Area != ProblemArea.InterpersonalDeficits)
            {
                continue;
            }

            foreach (var lifeEvent in context.Course.LifeEvents)
            {
                if (AreaOf(lifeEvent.Kind) is { } area && Math.Abs((long)NodaTime.Period.DaysBetween(onset, lifeEvent.Date)) <= window)
                {
                    sink.Report(
                        Descriptor,
                        DocumentPath.Of("formulation").Property("areas").At(i).Property("area"),
                        FromEnum("kind", lifeEvent.Kind),
                        From("date", lifeEvent.Date),
                        From("days", window),
                        From("onset", onset),
                        FromEnum("area", area));
                    break;
                }
            }
        }
    }

    /// <summary>The problem area a kind of life event points to under the Weissman taxonomy [WMK] (H); none for "other".</summary>
    internal static ProblemArea? AreaOf(LifeEventKind kind) => kind switch
    {
        LifeEventKind.Death => ProblemArea.Grief,
        LifeEventKind.Other => null,
        _ => ProblemArea.RoleTransition,
    };
}

using Ipt.Protocol.Techniques;
using static Ipt.Protocol.Rules.BuiltIn.RuleHelpers;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>Base of the rules that read each recorded technique's catalogue entry; they skip when no catalogue is registered.</summary>
internal abstract class CatalogueTechniqueRule : CourseRule
{
    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var catalogue = context.Techniques;
        if (catalogue.Count == 0)
        {
            return;
        }

        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            var techniques = sessions[i].Techniques.AsSpan();
            for (var j = 0; j < techniques.Length; j++)
            {
                catalogue.TryGet(techniques[j], out var entry);
                Inspect(context, sessions[i], i, j, techniques[j], entry, ref sink);
            }
        }
    }

    protected abstract void Inspect(in RuleContext context, Session session, int index, int position, TechniqueId technique, TechniqueEntry? entry, ref DiagnosticSink sink);

    protected static DocumentPath PathOf(int index, int position) => DocumentPath.Session(index).Property("techniques").At(position);
}

/// <summary>IPT0501: a technique recorded in a phase where its catalogue entry does not apply. Candidate 26.</summary>
internal sealed class TechniquePhaseRule : CatalogueTechniqueRule
{
    public static readonly TechniquePhaseRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0501",
        "Technique outside its phases",
        "Technique {technique} is recorded in session {number}, a {phase}-phase session; its catalogue entry does not apply in that phase.",
        RuleCategory.Techniques,
        DiagnosticSeverity.Warning,
        Cite(Confidence.Medium, "WMK", "MARK", "STUART"));

    protected override void Inspect(in RuleContext context, Session session, int index, int position, TechniqueId technique, TechniqueEntry? entry, ref DiagnosticSink sink)
    {
        if (entry is { IsIpt: true } && !entry.AppliesIn(session.Phase, context.Protocol))
        {
            sink.Report(Descriptor, PathOf(index, position), From("technique", technique), From("number", session.Number), FromEnum("phase", session.Phase));
        }
    }
}

/// <summary>IPT0502: a technique that no registered catalogue holds. Candidate 27.</summary>
internal sealed class UnknownTechniqueRule : CatalogueTechniqueRule
{
    public static readonly UnknownTechniqueRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0502",
        "Technique not in the catalogue",
        "Technique {technique} in session {number} is not in the registered technique catalogue.",
        RuleCategory.Techniques,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WMK"));

    protected override void Inspect(in RuleContext context, Session session, int index, int position, TechniqueId technique, TechniqueEntry? entry, ref DiagnosticSink sink)
    {
        if (entry is null)
        {
            sink.Report(Descriptor, PathOf(index, position), From("technique", technique), From("number", session.Number));
        }
    }
}

/// <summary>IPT0503: a technique that is not IPT. Candidate 28.</summary>
internal sealed class NonIptTechniqueRule : CatalogueTechniqueRule
{
    public static readonly NonIptTechniqueRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0503",
        "Non-IPT technique recorded",
        "Technique {technique} in session {number} is not part of IPT.",
        RuleCategory.Techniques,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "ALPF", "WMK"));

    protected override void Inspect(in RuleContext context, Session session, int index, int position, TechniqueId technique, TechniqueEntry? entry, ref DiagnosticSink sink)
    {
        if (entry is { IsIpt: false })
        {
            sink.Report(Descriptor, PathOf(index, position), From("technique", technique), From("number", session.Number));
        }
    }
}

/// <summary>IPT0504: a held middle-phase session without an interval review. Candidate 29.</summary>
internal sealed class IntervalReviewRule : CourseRule
{
    public static readonly IntervalReviewRule Instance = new();

    private static readonly Protocols.PhaseTask IntervalReview = Protocols.PhaseTasks.Of(Protocols.ProtocolTask.IntervalReview);

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0504",
        "Middle-phase session without an interval review",
        "Session {number} ({phase} phase) does not record an interval review.",
        RuleCategory.Techniques,
        DiagnosticSeverity.Info,
        Cite(Confidence.High, "WMK", "ISIPT"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            // Every held session of the phases between initial and termination (middle, maintenance).
            var session = sessions[i];
            if (context.Timeline.IsDueIn(IntervalReview, session) && !IntervalReview.IsRecordedIn(session, context.Course))
            {
                sink.Report(Descriptor, DocumentPath.Session(i).Property("tasks"), From("number", session.Number), FromEnum("phase", session.Phase));
            }
        }
    }
}

/// <summary>IPT0505: a focus area whose strategies were never used in the middle phase. Candidate 30.</summary>
internal sealed class StrategyUsedRule : CourseRule
{
    public static readonly StrategyUsedRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0505",
        "Problem-area strategy never used in the middle phase",
        "No held middle-phase session records a strategy technique for focus area {number} ({area}).",
        RuleCategory.Techniques,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "ISIPT"));

    public override bool AppliesTo(Protocols.ProtocolDefinition protocol) => protocol.CorePhase == Phase.Middle && HasTermination(protocol);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var catalogue = context.Techniques;
        if (catalogue.Count == 0 || context.Course.Formulation is not { } formulation || !context.Timeline.IsPhaseOver(Phase.Middle))
        {
            return;
        }

        var areas = formulation.Areas.AsSpan();
        for (var i = 0; i < areas.Length; i++)
        {
            var area = areas[i].Area;
            if (HasStrategy(catalogue, area) && !Used(context, catalogue, area))
            {
                sink.Report(Descriptor, DocumentPath.Of("formulation").Property("areas").At(i), From("number", i + 1), FromEnum("area", area));
            }
        }
    }

    private static bool HasStrategy(TechniqueCatalogue catalogue, ProblemArea area)
    {
        foreach (var entry in catalogue)
        {
            if (entry.StrategyFor.Contains(area))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Used(in RuleContext context, TechniqueCatalogue catalogue, ProblemArea area)
    {
        foreach (var session in context.Course.Sessions)
        {
            if (!session.IsHeld || session.Phase != Phase.Middle)
            {
                continue;
            }

            foreach (var technique in session.Techniques)
            {
                if (catalogue.TryGet(technique, out var entry) && entry.StrategyFor.Contains(area))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

using Ipt.Protocol.Protocols;
using static Ipt.Protocol.Rules.BuiltIn.RuleHelpers;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>
/// IPT0408: a focus area that the variant does not recognise (<see cref="ProtocolDefinition.ProblemAreas"/>):
/// grief for the lost healthy self is IPSRT's fifth area [FRANK] (M); the other variants know the four
/// areas of IPT [WMK] (H), where the loss of health that comes with an illness is a role transition.
/// </summary>
internal sealed class UnrecognisedProblemAreaRule : CourseRule
{
    public static readonly UnrecognisedProblemAreaRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0408",
        "Problem area the variant does not recognise",
        "Focus area {index} is {area}, which the {protocol} protocol does not recognise as a problem area.",
        RuleCategory.Focus,
        DiagnosticSeverity.Warning,
        Cite(Confidence.Medium, "WMK", "FRANK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Course.Formulation is not { } formulation)
        {
            return;
        }

        var areas = formulation.Areas.AsSpan();
        for (var i = 0; i < areas.Length; i++)
        {
            if (!context.Protocol.Recognises(areas[i].Area))
            {
                sink.Report(Descriptor, DocumentPath.Of("formulation").Property("areas").At(i).Property("area"), From("index", i), FromEnum("area", areas[i].Area), ProtocolArg(context));
            }
        }
    }
}

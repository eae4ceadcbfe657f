using Ipt.Protocol.Protocols;
using static Ipt.Protocol.Rules.BuiltIn.RuleHelpers;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>
/// IPT0301: no baseline measure by the first held treatment session. Candidate 13. A baseline may
/// come from an intake, screening or pre-treatment assessment, a held pre-treatment meeting, or the
/// first held treatment session; only instruments the validator knows count.
/// </summary>
internal sealed class BaselineMeasureRule : CourseRule
{
    public static readonly BaselineMeasureRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0301",
        "No baseline measure",
        "No measure of a known instrument was taken by session {number}, the first held treatment session, nor at intake or before treatment; rate a baseline (for example {instrument}).",
        RuleCategory.InitialTasks,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "MARK", "WMK", "NHSTT"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            if (sessions[i].IsHeld && HasKnownMeasure(context, sessions[i].Measures))
            {
                return;
            }

            if (sessions[i].IsHeld && context.Timeline.IsTreatment(sessions[i]))
            {
                if (!HasBaselineAssessment(context, sessions[i].Date))
                {
                    sink.Report(Descriptor, DocumentPath.Session(i).Property("measures"), From("number", sessions[i].Number), From("instrument", context.Protocol.PrimaryInstrument));
                }

                return;
            }
        }
    }

    private static bool HasBaselineAssessment(in RuleContext context, NodaTime.LocalDate? firstTreatment)
    {
        foreach (var assessment in context.Course.Assessments)
        {
            if (assessment.IsBeforeTreatment && (firstTreatment is not { } date || assessment.Date <= date) && HasKnownMeasure(context, assessment.Measures))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasKnownMeasure(in RuleContext context, ValueList<Measurement> measures)
    {
        foreach (var measure in measures.AsSpan())
        {
            if (context.Instruments.Contains(measure.Instrument))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Base of the rules that judge the initial phase once it is over.</summary>
internal abstract class InitialPhaseRule : CourseRule
{
    public override bool AppliesTo(ProtocolDefinition protocol) => HasInitialPhase(protocol);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Timeline.InitialPhaseOver)
        {
            CheckAfterInitialPhase(context, ref sink);
        }
    }

    protected abstract void CheckAfterInitialPhase(in RuleContext context, ref DiagnosticSink sink);
}

/// <summary>IPT0302: the inventory is empty after the initial phase. Candidate 14.</summary>
internal sealed class InventoryEmptyRule : InitialPhaseRule
{
    public static readonly InventoryEmptyRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0302",
        "Interpersonal inventory missing",
        "The interpersonal inventory is empty, but the initial phase is over.",
        RuleCategory.InitialTasks,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WMK", "ISIPT", "MARK"));

    protected override void CheckAfterInitialPhase(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Course.Inventory.IsEmpty)
        {
            sink.Report(Descriptor, DocumentPath.Of("inventory").Property("persons"));
        }
    }
}

/// <summary>IPT0303: no problem area selected after the initial phase. Candidate 15.</summary>
internal sealed class NoProblemAreaRule : InitialPhaseRule
{
    public static readonly NoProblemAreaRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0303",
        "No problem area selected",
        "No problem area is selected, but the initial phase is over.",
        RuleCategory.InitialTasks,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WMK", "ISIPT", "MARK"));

    protected override void CheckAfterInitialPhase(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Course.Formulation is not { } formulation)
        {
            sink.Report(Descriptor, DocumentPath.Of("formulation"));
        }
        else if (formulation.Areas.IsEmpty)
        {
            sink.Report(Descriptor, DocumentPath.Of("formulation").Property("areas"));
        }
    }
}

/// <summary>IPT0304: the formulation is not agreed before the first held middle-phase session. Candidate 16.</summary>
internal sealed class FormulationNotAgreedRule : InitialPhaseRule
{
    public static readonly FormulationNotAgreedRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0304",
        "Formulation not agreed before the middle phase",
        "The formulation was not agreed before session {number}, the first middle-phase session.",
        RuleCategory.InitialTasks,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "MARK", "STUART"));

    protected override void CheckAfterInitialPhase(in RuleContext context, ref DiagnosticSink sink)
    {
        var firstMiddle = 0;
        foreach (var session in context.Course.Sessions)
        {
            if (session.IsHeld && session.Phase == Phase.Middle && context.Timeline.IsTreatment(session))
            {
                firstMiddle = session.Number;
                break;
            }
        }

        if (firstMiddle == 0)
        {
            return;
        }

        var formulation = context.Course.Formulation;
        if (formulation is null)
        {
            sink.Report(Descriptor, DocumentPath.Of("formulation"), From("number", firstMiddle));
        }
        else if (!formulation.Agreed)
        {
            sink.Report(Descriptor, DocumentPath.Of("formulation").Property("agreed"), From("number", firstMiddle));
        }
        else if (formulation.AgreedAtSession is { } at && at >= firstMiddle)
        {
            sink.Report(Descriptor, DocumentPath.Of("formulation").Property("agreedAtSession"), From("number", firstMiddle));
        }
    }
}

/// <summary>IPT0305: the sick role is not given in the initial phase. Candidate 17 (sick role).</summary>
internal sealed class SickRoleRule : InitialPhaseRule
{
    public static readonly SickRoleRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0305",
        "Sick role not given in the initial phase",
        "The sick role is not recorded as given by session {last}, the last initial-phase session.",
        RuleCategory.InitialTasks,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "IPTUK", "MARK", "MUFSON"));

    protected override void CheckAfterInitialPhase(in RuleContext context, ref DiagnosticSink sink)
    {
        var last = LastInitialNumber(context);
        if (context.Course.SickRole is not { } sickRole)
        {
            sink.Report(Descriptor, DocumentPath.Of("sickRole"), From("last", last));
        }
        else if (sickRole.GrantedAtSession > last)
        {
            sink.Report(Descriptor, DocumentPath.Of("sickRole").Property("grantedAtSession"), From("last", last));
        }
    }
}

/// <summary>IPT0306: no psychoeducation in the initial phase. Candidate 17 (psychoeducation).</summary>
internal sealed class PsychoeducationRule : InitialPhaseRule
{
    public static readonly PsychoeducationRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0306",
        "Psychoeducation not recorded in the initial phase",
        "No held initial-phase session records the psychoeducation task.",
        RuleCategory.InitialTasks,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "MARK", "IPTUK"));

    protected override void CheckAfterInitialPhase(in RuleContext context, ref DiagnosticSink sink)
    {
        if (!TaskInPhase(context, Phase.Initial, SessionTask.Psychoeducation))
        {
            sink.Report(Descriptor, DocumentPath.Of("sessions"));
        }
    }
}

/// <summary>IPT0307: the contract is not agreed in the initial phase. Candidate 18.</summary>
internal sealed class ContractNotAgreedRule : InitialPhaseRule
{
    public static readonly ContractNotAgreedRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0307",
        "Contract not agreed in the initial phase",
        "The treatment contract is not recorded as agreed by session {last}, the last initial-phase session.",
        RuleCategory.InitialTasks,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "MARK"));

    protected override void CheckAfterInitialPhase(in RuleContext context, ref DiagnosticSink sink)
    {
        var last = LastInitialNumber(context);
        if (context.Course.Contract is not { } contract)
        {
            sink.Report(Descriptor, DocumentPath.Of("contract"), From("last", last));
        }
        else if (contract.AgreedAtSession is { } at && at > last)
        {
            sink.Report(Descriptor, DocumentPath.Of("contract").Property("agreedAtSession"), From("last", last));
        }
    }
}

/// <summary>IPT0308: the need for medication is not assessed. Candidate 19.</summary>
internal sealed class MedicationAssessmentRule : InitialPhaseRule
{
    public static readonly MedicationAssessmentRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0308",
        "Medication need not assessed",
        "No held initial-phase session records an assessment of the need for medication.",
        RuleCategory.InitialTasks,
        DiagnosticSeverity.Info,
        Cite(Confidence.High, "MARK"));

    protected override void CheckAfterInitialPhase(in RuleContext context, ref DiagnosticSink sink)
    {
        if (!TaskInPhase(context, Phase.Initial, SessionTask.MedicationAssessment))
        {
            sink.Report(Descriptor, DocumentPath.Of("sessions"));
        }
    }
}

using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Tests.Rules;

/// <summary>Shared validators and assertions of the rule tests.</summary>
internal static class RuleTestKit
{
    public static CourseValidator Validator { get; } = new();

    /// <summary>A small catalogue covering the techniques of the sample courses, plus a non-IPT one.</summary>
    public static TechniqueCatalogue Catalogue { get; } = TechniqueCatalogue.Create(
    [
        Entry("psychoeducation", TechniqueGroup.IptStructure, Phase.PreTreatment, Phase.Initial),
        Entry("pre-group-preparation", TechniqueGroup.IptStructure, Phase.PreTreatment),
        Entry("sick-role", TechniqueGroup.IptStructure, Phase.Initial),
        Entry("interpersonal-inventory", TechniqueGroup.IptStructure, Phase.Initial),
        Entry("closeness-circle", TechniqueGroup.IptStructure, Phase.Initial),
        Entry("caregiver-session", TechniqueGroup.IptStructure, Phase.Initial, Phase.Middle, Phase.Termination),
        Entry("interpersonal-formulation", TechniqueGroup.IptStructure, Phase.Initial),
        Entry("contract-setting", TechniqueGroup.Adjunctive, Phase.Initial, Phase.Maintenance),
        Entry("interval-review", TechniqueGroup.IptStructure, Phase.Middle, Phase.Maintenance),
        Entry("communication-analysis", TechniqueGroup.CommunicationAnalysis, Phase.Middle, Phase.Maintenance),
        Entry("clarification", TechniqueGroup.Clarification, Phase.Initial, Phase.Middle, Phase.Termination, Phase.Maintenance),
        Entry("role-play", TechniqueGroup.BehaviourChange, Phase.Middle, Phase.Maintenance) with { StrategyFor = [ProblemArea.RoleDispute, ProblemArea.InterpersonalDeficits] },
        Entry("nonreciprocal-expectations", TechniqueGroup.IptStructure, Phase.Middle, Phase.Maintenance) with { StrategyFor = [ProblemArea.RoleDispute] },
        Entry("guided-mourning", TechniqueGroup.IptStructure, Phase.Middle) with { StrategyFor = [ProblemArea.Grief] },
        Entry("social-rhythm-review", TechniqueGroup.IptStructure, Phase.Initial, Phase.Middle, Phase.Termination, Phase.Maintenance),
        Entry("ending-discussion", TechniqueGroup.IptStructure, Phase.Initial, Phase.Middle, Phase.Termination, Phase.Maintenance),
        Entry("progress-review", TechniqueGroup.IptStructure, Phase.Termination),
        Entry("relapse-prevention-plan", TechniqueGroup.IptStructure, Phase.Termination),
        Entry("continuation-planning", TechniqueGroup.IptStructure, Phase.Termination, Phase.Maintenance),
        Entry("dream-interpretation", TechniqueGroup.NonIpt, Phase.Middle),
    ]);

    public static CourseValidator WithCatalogue { get; } = new(new ValidatorOptions { Techniques = Catalogue });

    public static TechniqueEntry Entry(string id, TechniqueGroup group, params Phase[] phases) => new()
    {
        Id = TechniqueId.From(id),
        Name = id,
        Group = group,
        Description = "Test entry.",
        PhaseWeights = ValueList.From(phases.Select(p => new PhaseWeight(p, 1.0))),
        Citation = new Citation(Confidence.High, "WMK"),
    };

    public static ValidationReport Validate(Course course, ProtocolDefinition protocol) => WithCatalogue.Validate(course, protocol);

    /// <summary>Asserts that the report has a finding of <paramref name="id"/> at <paramref name="path"/> with <paramref name="severity"/>, and that its message is fully formatted.</summary>
    public static Diagnostic AssertFires(ValidationReport report, string id, string path, DiagnosticSeverity severity)
    {
        var found = report.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(found.Count > 0, $"{id} did not fire. Findings:\n{string.Join("\n", report.Diagnostics)}");
        var match = found.FirstOrDefault(d => d.Path.ToString() == path);
        Assert.True(match is not null, $"{id} fired at {string.Join(", ", found.Select(d => d.Path.ToString()))}, not at {path}.");
        Assert.Equal(severity, match.Severity);
        Assert.DoesNotContain("{", match.Message, StringComparison.Ordinal);
        foreach (var placeholder in match.Descriptor.Placeholders)
        {
            Assert.NotNull(match.Argument(placeholder));
        }

        return match;
    }

    public static void AssertSilent(ValidationReport report, string id) =>
        Assert.True(report.Diagnostics.All(d => d.Id != id), $"{id} fired:\n{string.Join("\n", report.Diagnostics.Where(d => d.Id == id))}");
}

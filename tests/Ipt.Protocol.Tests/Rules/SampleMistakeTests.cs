using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Rules;

public class SampleMistakeTests
{
    public static TheoryData<string> Names() => [.. SampleCourses.Mistakes.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_sample_mistake_triggers_its_rule(string name)
    {
        var mistake = SampleCourses.Mistakes.Single(m => m.Name == name);
        var report = RuleTestKit.WithCatalogue.Validate(mistake.Course);
        Assert.Contains(report.Diagnostics, d => d.Id == mistake.ExpectedId);
    }

    [Fact]
    public void Sample_mistake_names_are_unique()
    {
        Assert.Equal(SampleCourses.Mistakes.Count, SampleCourses.Mistakes.Select(m => m.Name).Distinct().Count());
    }
}

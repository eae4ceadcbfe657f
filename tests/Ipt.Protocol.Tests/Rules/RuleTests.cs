using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Rules;

public class RuleTests
{
    public static TheoryData<string> Cases() => [.. RuleCases.All.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_fires_at_the_broken_fragment_with_its_default_severity(string key)
    {
        var c = RuleCases.All[key];
        var broken = c.Break(SampleCourses.All[c.Protocol.Id]);
        var report = RuleTestKit.Validate(broken, c.Protocol);
        var diagnostic = RuleTestKit.AssertFires(report, c.Id, c.Path, c.Severity);
        Assert.Equal(c.Severity, diagnostic.Descriptor.DefaultSeverity);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_is_silent_once_the_same_fragment_is_corrected(string key)
    {
        var c = RuleCases.All[key];
        var corrected = c.Fix(c.Break(SampleCourses.All[c.Protocol.Id]));
        RuleTestKit.AssertSilent(RuleTestKit.Validate(corrected, c.Protocol), c.Id);
    }

    [Fact]
    public void Every_built_in_rule_has_a_case()
    {
        var covered = RuleCases.All.Values.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var missing = BuiltInRules.All.Select(r => r.Descriptor.Id).Where(id => !covered.Contains(id)).ToList();
        Assert.Empty(missing);
    }
}

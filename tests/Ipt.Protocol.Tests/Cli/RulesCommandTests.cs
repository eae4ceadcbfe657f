using System.Text.Json;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Tests.Cli;

public class RulesCommandTests
{
    [Fact]
    public void Rules_lists_every_descriptor_with_severity_and_source()
    {
        var (code, output, _) = CliRunner.Run("rules");
        Assert.Equal(0, code);
        Assert.Contains("IPT0101  error    structure", output, StringComparison.Ordinal);
        Assert.Contains($"{BuiltInRules.Descriptors.Count} rules.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_as_json_has_one_entry_per_descriptor_with_its_help_uri()
    {
        var (code, output, _) = CliRunner.Run("rules", "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var rules = json.RootElement.GetProperty("rules");
        Assert.Equal(BuiltInRules.Descriptors.Count, rules.GetArrayLength());
        Assert.All(rules.EnumerateArray(), r => Assert.Equal($"https://github.com/ipt-protocol/Ipt.Protocol/blob/main/docs/rules/{r.GetProperty("id").GetString()}.md", r.GetProperty("helpUri").GetString()));
    }

    [Fact]
    public void Rules_for_a_protocol_lists_only_its_rule_set()
    {
        var (code, output, _) = CliRunner.Run("rules", "--protocol", "ipt");
        Assert.Equal(0, code);
        Assert.DoesNotContain("IPT0801", output, StringComparison.Ordinal);
        var (codeA, outputA, _) = CliRunner.Run("rules", "--protocol", "ipt-a");
        Assert.Equal(0, codeA);
        Assert.Contains("IPT0801", outputA, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_for_an_unknown_protocol_is_bad_usage()
    {
        var (code, _, error) = CliRunner.Run("rules", "--protocol", "nope");
        Assert.Equal(2, code);
        Assert.Contains("unknown protocol 'nope'", error, StringComparison.Ordinal);
    }
}

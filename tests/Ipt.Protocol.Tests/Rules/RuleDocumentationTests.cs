using System.Text.RegularExpressions;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Tests.Rules;

/// <summary>docs/rules agrees with the code: one page per descriptor, and the README table matches.</summary>
public partial class RuleDocumentationTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "docs", "rules");

    [Fact]
    public void Descriptor_ids_are_unique_and_well_formed()
    {
        var ids = BuiltInRules.Descriptors.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(IdPattern(), id));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(BuiltInRules.All.Count, BuiltInRules.All.Distinct().Count());
        Assert.Empty(ids.Intersect(BuiltInRules.RetiredIds, StringComparer.Ordinal));
    }

    [Fact]
    public void Ids_sit_in_the_range_of_their_category()
    {
        foreach (var d in BuiltInRules.Descriptors)
        {
            Assert.Equal((int)Enum.Parse<RuleCategory>(d.Category, ignoreCase: true), int.Parse(d.Id.AsSpan(3, 2), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Every_descriptor_has_a_page_and_every_page_has_a_descriptor()
    {
        var pages = Directory.GetFiles(Folder, "IPT*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(BuiltInRules.Descriptors.Select(d => d.Id).Concat(BuiltInRules.RetiredIds).Order(StringComparer.Ordinal), pages);
        foreach (var d in BuiltInRules.Descriptors)
        {
            Assert.StartsWith(DiagnosticDescriptor.DefaultHelpBase, d.HelpLink, StringComparison.Ordinal);
            var page = DiagnosticDescriptor.HelpFolder + d.HelpLink[DiagnosticDescriptor.DefaultHelpBase.Length..];
            Assert.True(File.Exists(Path.Combine(RepositoryRoot(), page)), page);
        }
    }

    [Fact]
    public void Each_page_states_what_the_code_says()
    {
        foreach (var d in BuiltInRules.Descriptors)
        {
            var text = File.ReadAllText(Path.Combine(Folder, d.Id + ".md"));
            Assert.StartsWith($"# {d.Id}: {d.Title}\n", text, StringComparison.Ordinal);
            Assert.Equal(d.Category, Field(text, "Category"));
            Assert.Equal(d.DefaultSeverity.ToString().ToLowerInvariant(), Field(text, "Default severity"));
            Assert.Equal(d.Citation!.ToString(), Field(text, "Source"));
            foreach (var section in new[] { "## What it checks", "## Why", "## How to fix" })
            {
                Assert.Contains(section, text, StringComparison.Ordinal);
            }

            if (BuiltInRules.All.FirstOrDefault(r => r.Descriptor == d) is { } rule)
            {
                Assert.Contains("```json", text, StringComparison.Ordinal);
                var expected = string.Join(", ", BuiltInProtocols.All.Where(rule.AppliesTo).Select(p => $"`{p.Id}`"));
                Assert.Equal(expected, Field(text, "Variants"));
            }
        }
    }

    [Fact]
    public void Readme_table_agrees_with_the_code_and_covers_every_candidate_check()
    {
        var rows = File.ReadAllLines(Path.Combine(Folder, "README.md"))
            .Select(l => TableRow().Match(l))
            .Where(m => m.Success)
            .ToList();
        Assert.Equal(
            BuiltInRules.Descriptors.Select(d => d.Id).Concat(BuiltInRules.RetiredIds).Order(StringComparer.Ordinal),
            rows.Select(m => m.Groups["id"].Value));
        var candidates = new HashSet<int>();
        foreach (var row in rows)
        {
            if (BuiltInRules.RetiredIds.Contains(row.Groups["id"].Value))
            {
                Assert.Contains("retired", row.Groups["title"].Value, StringComparison.OrdinalIgnoreCase);
                continue;
            }

            Assert.True(BuiltInRules.TryGetDescriptor(row.Groups["id"].Value, out var d));
            Assert.Equal(d.Id + ".md", row.Groups["link"].Value);
            Assert.Equal(d.Title, row.Groups["title"].Value);
            Assert.Equal(d.Category, row.Groups["category"].Value);
            Assert.Equal(d.DefaultSeverity.ToString().ToLowerInvariant(), row.Groups["severity"].Value);
            Assert.Equal(d.Citation!.ToString(), row.Groups["source"].Value);
            foreach (Match number in Number().Matches(row.Groups["candidates"].Value))
            {
                candidates.Add(int.Parse(number.Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(Enumerable.Range(1, 43), candidates.Order());
    }

    private static string Field(string page, string name)
    {
        var match = Regex.Match(page, $@"^\| {Regex.Escape(name)} \| (.*) \|$", RegexOptions.Multiline);
        Assert.True(match.Success, $"No '{name}' row.");
        return match.Groups[1].Value;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ipt.Protocol.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    [GeneratedRegex(@"^[A-Z]{3}\d{4}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\| \[(?<id>IPT\d{4})\]\((?<link>[^)]+)\) \| (?<title>[^|]+) \| (?<category>[^|]+) \| (?<severity>[^|]+) \| (?<source>[^|]+) \| (?<candidates>[^|]+) \|$")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"(?<![N−-])\b\d+\b")]
    private static partial Regex Number();
}

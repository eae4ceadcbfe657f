namespace Ipt.Protocol.Tests.Docs;

/// <summary>
/// docs/api.md names every public type of the libraries, once, under its namespace's heading, and
/// says why it is public. The public types are the type lines of the declared API
/// (src/*/PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt), which the build checks against the code.
/// </summary>
public class ApiDocsTests
{
    private const string Page = "docs/api.md";

    [Fact]
    public void The_api_page_has_one_row_for_each_public_type_under_its_namespace()
    {
        var page = ApiPage.Parse(RepoFiles.Read(Page));
        var declared = DeclaredTypes();

        var expected = declared
            .Select(name => Place(name, page.Namespaces))
            .ToHashSet();

        var rows = page.Rows.Select(row => $"{row.Namespace}: {row.Type}").ToList();
        var missing = expected.Except(rows).Order(StringComparer.Ordinal).ToList();
        var extra = rows.Except(expected).Order(StringComparer.Ordinal).ToList();
        var repeated = rows.GroupBy(row => row, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();

        Assert.True(
            missing.Count == 0 && extra.Count == 0 && repeated.Count == 0,
            $"{Page} does not list the public types exactly once each.\n" +
            $"Missing (public, no row under the namespace's heading): {List(missing)}\n" +
            $"Extra (a row for a type that is not public there): {List(extra)}\n" +
            $"Repeated: {List(repeated)}");
    }

    [Fact]
    public void Every_row_of_the_api_page_says_why_the_type_is_public()
    {
        var rows = ApiPage.Parse(RepoFiles.Read(Page)).Rows;
        Assert.NotEmpty(rows);

        var unexplained = rows
            .Where(row => Words(row.Why).Length == 0
                || Words(row.Why) == Words(row.Type)
                || Words(row.Why) == Words(row.Type[(row.Type.LastIndexOf('.') + 1)..]))
            .Select(row => $"{row.Namespace}: {row.Type}")
            .ToList();
        Assert.True(unexplained.Count == 0, $"Rows of {Page} whose 'why' is empty or only the type's name: {List(unexplained)}");
    }

    /// <summary>The full names of the public types the libraries declare.</summary>
    private static HashSet<string> DeclaredTypes()
    {
        var files = Directory.GetDirectories(RepoFiles.PathOf("src"))
            .SelectMany(dir => new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }.Select(file => Path.Combine(dir, file)))
            .Where(File.Exists)
            .ToList();
        Assert.NotEmpty(files);

        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in files.SelectMany(File.ReadAllLines))
        {
            if (TypeName(line) is { } name)
            {
                types.Add(name);
            }
        }

        Assert.Contains("Ipt.Protocol.Rules.CourseRule", types);
        return types;
    }

    /// <summary>The type a line of a PublicAPI file declares, or <see langword="null"/> when it declares a member (or nothing).</summary>
    private static string? TypeName(string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text == "#nullable enable" || text.StartsWith("*REMOVED*", StringComparison.Ordinal)
            || text.Contains(" -> ", StringComparison.Ordinal) || text.Contains('(', StringComparison.Ordinal)
            || text.Contains(" = ", StringComparison.Ordinal))
        {
            return null;
        }

        string[] modifiers = ["abstract ", "static ", "sealed ", "virtual "];
        while (modifiers.FirstOrDefault(m => text.StartsWith(m, StringComparison.Ordinal)) is { } modifier)
        {
            text = text[modifier.Length..];
        }

        return text;
    }

    /// <summary>Where a type's row belongs: the longest namespace heading that prefixes it, and the name relative to it.</summary>
    private static string Place(string fullName, IReadOnlyCollection<string> namespaces)
    {
        var home = namespaces
            .Where(ns => fullName.StartsWith(ns + ".", StringComparison.Ordinal))
            .MaxBy(ns => ns.Length);
        return home is null ? $"(no heading for {fullName})" : $"{home}: {fullName[(home.Length + 1)..]}";
    }

    private static string Words(string text) =>
        string.Join(' ', text.Split([' ', '`', '.', ',', ';', ':'], StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static string List(List<string> items) => items.Count == 0 ? "none" : "\n  " + string.Join("\n  ", items);

    private sealed record ApiRow(string Namespace, string Type, string Why);

    /// <summary>The namespace headings (<c>## Ipt.Protocol…</c>) of the page and the rows of the tables under them.</summary>
    private sealed record ApiPage(IReadOnlyCollection<string> Namespaces, IReadOnlyList<ApiRow> Rows)
    {
        public static ApiPage Parse(string markdown)
        {
            var namespaces = new List<string>();
            var rows = new List<ApiRow>();
            string? current = null;
            foreach (var line in markdown.Split('\n'))
            {
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    var heading = line[3..].Trim();
                    current = heading.StartsWith("Ipt.Protocol", StringComparison.Ordinal) ? heading : null;
                    if (current is not null)
                    {
                        namespaces.Add(current);
                    }
                }
                else if (current is not null && line.StartsWith("| `", StringComparison.Ordinal))
                {
                    var cells = line.Trim().Trim('|').Split(" | ");
                    Assert.True(cells.Length == 2, $"A row under {current} does not have two cells: {line}");
                    rows.Add(new ApiRow(current, cells[0].Trim().Trim('`'), cells[1].Trim()));
                }
            }

            return new ApiPage(namespaces, rows);
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Tests.Snapshots;

namespace Ipt.Protocol.Tests.Serialization;

/// <summary>Keeps docs/examples and docs/json-format.md true: their generated parts are regenerated and compared.</summary>
public class DocsTests
{
    private static readonly string FormatPage = Path.Combine("docs", "json-format.md");

    [Fact]
    public void The_standard_example_file_is_the_canonical_standard_course()
    {
        Snapshot.MatchFile(Path.Combine("docs", "examples", "standard.course.json"), CourseJson.Default.WriteToString(SampleCourses.Standard) + "\n");
        var text = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot, "docs", "examples", "standard.course.json"));
        Assert.Equal(SampleCourses.Standard, CourseJson.Default.TryRead(text).GetValueOrThrow());
    }

    [Fact]
    public void Every_error_code_has_an_example_that_gives_it()
    {
        var shown = CodeExamples().Select(e => (e.Code, Given: e.Result.Errors.Select(x => x.Code).ToList())).ToList();
        Assert.All(shown, e => Assert.Contains(e.Code, e.Given));
        Assert.Equal(DocumentErrorCodes.All.Where(c => c != DocumentErrorCodes.Composition), shown.Select(e => e.Code));
    }

    [Fact]
    public void The_format_page_shows_generated_examples_and_the_field_table()
    {
        var path = Path.Combine(Snapshot.RepositoryRoot, FormatPage);
        var page = File.ReadAllText(path).ReplaceLineEndings("\n");
        page = Replace(page, "example", "```json\n" + CourseJson.Default.WriteToString(ShortExample()) + "\n```");
        page = Replace(page, "fields", FieldTable());
        page = Replace(page, "codes", CodeTable());
        page = Replace(page, "errors", "```json\n" + BadExample + "\n```\n\n```text\n" + string.Join("\n", CourseJson.Default.TryRead(BadExample).Errors) + "\n```");
        Snapshot.MatchFile(FormatPage, page);
    }

    /// <summary>One example per error code: the document, how it is read, and the error it gives.</summary>
    internal static IEnumerable<(string Code, string What, string Json, string How, ReadResult<Course> Result)> CodeExamples()
    {
        var failing = new CourseMigration(0, _ => throw new InvalidOperationException("cannot"));
        (string Code, string What, string Json, CourseJson Format, string How)[] cases =
        [
            (DocumentErrorCodes.Truncated, "The document ends before it is complete.", """{"schemaVersion": 2, "protocol": "ipt",""", CourseJson.Default, ""),
            (DocumentErrorCodes.Syntax, "Not well-formed JSON.", """{"schemaVersion": 2, "protocol": "ipt",}""", CourseJson.Default, ""),
            (DocumentErrorCodes.Encoding, "Text that is not valid UTF-8, or an escaped lone surrogate.", """{"schemaVersion": 2, "protocol": "ipt", "sessions": [{"number": 1, "phase": "initial", "notes": "\ud800"}]}""", CourseJson.Default, ""),
            (DocumentErrorCodes.UnknownMember, "A member the format does not define.", """{"schemaVersion": 2, "protocol": "ipt", "colour": "blue"}""", CourseJson.Default, ""),
            (DocumentErrorCodes.DuplicateMember, "A member given twice in one object.", """{"schemaVersion": 2, "protocol": "ipt", "protocol": "ipt"}""", CourseJson.Default, ""),
            (DocumentErrorCodes.MissingMember, "A required member left out.", """{"schemaVersion": 2, "protocol": "ipt", "sessions": [{"phase": "initial"}]}""", CourseJson.Default, ""),
            (DocumentErrorCodes.Type, "A value of the wrong JSON type.", """{"schemaVersion": 2, "protocol": "ipt", "patientAge": "forty"}""", CourseJson.Default, ""),
            (DocumentErrorCodes.Value, "A value the format or the model refuses.", """{"schemaVersion": 2, "protocol": "ipt", "sessions": [{"number": 0, "phase": "initial"}]}""", CourseJson.Default, ""),
            (DocumentErrorCodes.Limit, "Over one of the `IptJsonLimits`.", """{"schemaVersion": 2, "protocol": "ipt", "sessions": [{"number": 1, "phase": "initial"}, {"number": 2, "phase": "initial"}]}""", new CourseJson(new IptJsonLimits { MaxSessions = 1 }), "`MaxSessions = 1`"),
            (DocumentErrorCodes.SchemaVersion, "A missing, newer, or unmigrated older `schemaVersion`.", """{"schemaVersion": 3, "protocol": "ipt"}""", CourseJson.Default, ""),
            (DocumentErrorCodes.Migration, "A migration step failed.", """{"schemaVersion": 0, "protocolId": "ipt"}""", new CourseJson(migrations: [failing]), "a step from 0 that fails"),
            (DocumentErrorCodes.TooManyErrors, "More errors than `IptJsonLimits.MaxErrors`; this last one counts them.", """{"schemaVersion": 2, "protocol": "ipt", "a": 1, "b": 2, "c": 3}""", new CourseJson(new IptJsonLimits { MaxErrors = 1 }), "`MaxErrors = 1`"),
        ];
        foreach (var (code, what, json, format, how) in cases)
        {
            yield return (code, what, json, how, format.TryRead(json));
        }
    }

    private static string CodeTable()
    {
        var sb = new StringBuilder("| Code | What | Example (read with) | Error |\n|---|---|---|---|\n");
        foreach (var (code, what, json, how, result) in CodeExamples())
        {
            var error = result.Errors.Last(e => e.Code == code);
            var with = how.Length > 0 ? $" ({how})" : string.Empty;
            sb.Append(CultureInfo.InvariantCulture, $"| `{code}` | {what} | `{json}`{with} | `{error}` |\n");
        }

        var catalogue = CatalogueJson.Default.TryRead("""{"schemaVersion": 1, "name": "clinic", "disable": ["no-such-technique"]}""", "clinic.json").GetValueOrThrow();
        var composed = CatalogueComposer.Compose([catalogue]);
        sb.Append(CultureInfo.InvariantCulture, $"| `{DocumentErrorCodes.Composition}` | A catalogue file that does not compose with those before it (technique catalogues only). | `{{\"schemaVersion\": 1, \"name\": \"clinic\", \"disable\": [\"no-such-technique\"]}}` | `{composed.Errors[0]}` |\n");
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>The standard sample course cut to its first three sessions, so the page stays readable.</summary>
    internal static Course ShortExample() => SampleCourses.Standard with { Sessions = [.. SampleCourses.Standard.Sessions.Take(3)] };

    internal const string BadExample = """
        {
          "schemaVersion": 2,
          "protocol": "ipt",
          "inventory": {
            "persons": [
              { "id": "p1", "relationship": "partner", "ring": 1 },
              { "id": "p1", "relationship": "friend", "ring": 4 }
            ]
          },
          "sessions": [
            { "number": 0, "phase": "initial", "techniques": ["Role Play"] },
            { "number": 2, "phase": "initial", "measures": [
              { "instrument": "phq-9", "items": [1, 1, 1, 1, 4, 0, 0, 0, 0] }
            ] }
          ]
        }
        """;

    private static string Replace(string page, string name, string content)
    {
        var start = $"<!-- generated:{name} -->\n";
        var end = $"<!-- end:{name} -->";
        var from = page.IndexOf(start, StringComparison.Ordinal);
        var to = page.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"{FormatPage} lacks the markers of the generated part '{name}'.");
        return string.Concat(page.AsSpan(0, from + start.Length), content, "\n", page.AsSpan(to));
    }

    private static string FieldTable()
    {
        var sb = new StringBuilder("| Member | Type | Required | Meaning |\n|---|---|---|---|\n");
        Rows(DocumentSchema.Course.ToJsonNode().AsObject(), string.Empty, sb);
        return sb.ToString().TrimEnd('\n');
    }

    private static void Rows(JsonObject schema, string prefix, StringBuilder sb)
    {
        if (schema["properties"] is not JsonObject properties)
        {
            return;
        }

        var required = schema["required"]?.AsArray().Select(n => (string?)n).ToHashSet() ?? [];
        foreach (var (name, node) in properties)
        {
            var property = node!.AsObject();
            var member = prefix + name;
            sb.Append(CultureInfo.InvariantCulture, $"| `{member}` | {TypeOf(property)} | {(required.Contains(name) ? "yes" : "no")} | {(string?)property["description"]} |\n");
            Rows(property, member + ".", sb);
            if (property["items"] is JsonObject items)
            {
                Rows(items, member + "[].", sb);
            }
        }
    }

    private static string TypeOf(JsonObject property)
    {
        var type = property["type"] switch
        {
            JsonArray types => (string?)types[0],
            { } single => (string?)single,
            _ => "any",
        };
        if (property["enum"] is JsonArray values)
        {
            return "one of " + string.Join(", ", values.Where(v => v is not null).Select(v => $"`{(string?)v}`"));
        }

        if (property["format"] is { } format)
        {
            return $"{type} ({(string?)format})";
        }

        if (property["pattern"] is not null)
        {
            return $"{type} (ISO-8601)";
        }

        if (type == "array" && property["items"] is JsonObject items)
        {
            return items["properties"] is not null ? "array of objects" : $"array of {TypeOf(items)}";
        }

        return type ?? "any";
    }
}

using System.Globalization;
using System.Text;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Tests.Robustness;

/// <summary>Every reading limit is enforced exactly at its boundary: the limit passes, one more fails with a plain error at the offending path.</summary>
public class LimitTests
{
    private const string Head = """{"schemaVersion":2,"protocol":"ipt",""";

    private static string Sessions(int count, string? extra = null)
    {
        var sb = new StringBuilder(Head).Append("\"sessions\":[");
        for (var i = 1; i <= count; i++)
        {
            sb.Append(i == 1 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $$"""{"number":{{i}},"phase":"middle"{{extra}}}""");
        }

        return sb.Append("]}").ToString();
    }

    private static string Persons(int count)
    {
        var sb = new StringBuilder(Head).Append("\"inventory\":{\"persons\":[");
        for (var i = 1; i <= count; i++)
        {
            sb.Append(i == 1 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $$"""{"id":"p{{i}}","relationship":"friend"}""");
        }

        return sb.Append("]}}").ToString();
    }

    private static string Measures(int count)
    {
        var items = string.Join(",", Enumerable.Repeat("""{"instrument":"phq-9","total":5}""", count));
        return Head + $$"""
            "sessions":[{"number":1,"phase":"initial"},{"number":2,"phase":"middle","measures":[{{items}}]}]}
            """;
    }

    private static DocumentError SingleError(ReadResult<Course> result)
    {
        Assert.False(result.Success);
        return Assert.Single(result.Errors);
    }

    [Theory]
    [InlineData(IptJsonLimits.DefaultMaxSessions, null)]
    [InlineData(3, 3)]
    [InlineData(1, 1)]
    public void Sessions_at_the_limit_pass_and_one_more_fails(int count, int? configured)
    {
        var reader = new CourseJson(configured is { } n ? new IptJsonLimits { MaxSessions = n } : null);
        var at = reader.TryRead(Sessions(count));
        Assert.True(at.Success, string.Join("\n", at.Errors));
        Assert.Equal(count, at.Value.Sessions.Count);

        var error = SingleError(reader.TryRead(Sessions(count + 1)));
        Assert.Equal("$.sessions", error.Path.ToString());
        Assert.Equal($"There are {count + 1} sessions; the limit is {count} (IptJsonLimits.MaxSessions).", error.Message);
        Assert.Equal(1, error.Location?.Line);
    }

    [Theory]
    [InlineData(IptJsonLimits.DefaultMaxPersons, null)]
    [InlineData(4, 4)]
    public void People_at_the_limit_pass_and_one_more_fails(int count, int? configured)
    {
        var reader = new CourseJson(configured is { } n ? new IptJsonLimits { MaxPersons = n } : null);
        var at = reader.TryRead(Persons(count));
        Assert.True(at.Success, string.Join("\n", at.Errors));
        Assert.Equal(count, at.Value.Inventory.Persons.Count);

        var error = SingleError(reader.TryRead(Persons(count + 1)));
        Assert.Equal("$.inventory.persons", error.Path.ToString());
        Assert.Equal($"There are {count + 1} persons; the limit is {count} (IptJsonLimits.MaxPersons).", error.Message);
    }

    [Theory]
    [InlineData(IptJsonLimits.DefaultMaxMeasuresPerSession, null)]
    [InlineData(2, 2)]
    public void Measures_at_the_limit_pass_and_one_more_fails(int count, int? configured)
    {
        var reader = new CourseJson(configured is { } n ? new IptJsonLimits { MaxMeasuresPerSession = n } : null);
        var at = reader.TryRead(Measures(count));
        Assert.True(at.Success, string.Join("\n", at.Errors));
        Assert.Equal(count, at.Value.Sessions[1].Measures.Count);

        var error = SingleError(reader.TryRead(Measures(count + 1)));
        Assert.Equal("$.sessions[1].measures", error.Path.ToString());
        Assert.Equal($"There are {count + 1} measurements; the limit is {count} (IptJsonLimits.MaxMeasuresPerSession).", error.Message);
    }

    public static TheoryData<string, string, string> TextPlaces => new()
    {
        { """{"schemaVersion":2,"protocol":"ipt","sessions":[{"number":1,"phase":"initial","notes":"TEXT"}]}""", "$.sessions[0].notes", "notes" },
        { """{"schemaVersion":2,"protocol":"ipt","renegotiations":[{"atSession":3,"reason":"TEXT"}]}""", "$.renegotiations[0].reason", "reason" },
        { """{"schemaVersion":2,"protocol":"ipt","formulation":{"notes":"TEXT"}}""", "$.formulation.notes", "notes" },
        { """{"schemaVersion":2,"protocol":"ipt","goals":[{"id":"g1","description":"TEXT"}]}""", "$.goals[0].description", "description" },
        { """{"schemaVersion":2,"protocol":"ipt","goals":[{"id":"g1","description":"x","steps":[{"description":"TEXT"}]}]}""", "$.goals[0].steps[0].description", "description" },
        { """{"schemaVersion":2,"protocol":"ipt","diary":[{"date":"2026-01-05","whatHappened":"TEXT"}]}""", "$.diary[0].whatHappened", "whatHappened" },
        { """{"schemaVersion":2,"protocol":"ipt","diary":[{"date":"2026-01-05","pattern":"TEXT"}]}""", "$.diary[0].pattern", "pattern" },
        { """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","relationship":"friend","label":"TEXT"}]}}""", "$.inventory.persons[0].label", "label" },
        { """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","relationship":"friend","sharedActivities":"TEXT"}]}}""", "$.inventory.persons[0].sharedActivities", "sharedActivities" },
        { """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","relationship":"friend","positives":"TEXT"}]}}""", "$.inventory.persons[0].positives", "positives" },
        { """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","relationship":"friend","negatives":"TEXT"}]}}""", "$.inventory.persons[0].negatives", "negatives" },
        { """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","relationship":"friend","patientExpectations":"TEXT"}]}}""", "$.inventory.persons[0].patientExpectations", "patientExpectations" },
        { """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","relationship":"friend","otherExpectations":"TEXT"}]}}""", "$.inventory.persons[0].otherExpectations", "otherExpectations" },
        { """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","relationship":"friend","canDiscuss":"TEXT"}]}}""", "$.inventory.persons[0].canDiscuss", "canDiscuss" },
        { """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","relationship":"friend","cannotDiscuss":"TEXT"}]}}""", "$.inventory.persons[0].cannotDiscuss", "cannotDiscuss" },
        { """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","relationship":"friend","conflicts":"TEXT"}]}}""", "$.inventory.persons[0].conflicts", "conflicts" },
        { """{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","relationship":"friend","wouldLikeToChange":"TEXT"}]}}""", "$.inventory.persons[0].wouldLikeToChange", "wouldLikeToChange" },
    };

    [Theory]
    [MemberData(nameof(TextPlaces))]
    public void Free_text_at_the_default_limit_passes_and_one_more_character_fails(string template, string path, string name)
    {
        var at = CourseJson.Default.TryRead(template.Replace("TEXT", new string('a', IptJsonLimits.DefaultMaxStringLength), StringComparison.Ordinal));
        Assert.True(at.Success, string.Join("\n", at.Errors));

        var error = SingleError(CourseJson.Default.TryRead(template.Replace("TEXT", new string('a', IptJsonLimits.DefaultMaxStringLength + 1), StringComparison.Ordinal)));
        Assert.Equal(path, error.Path.ToString());
        Assert.Equal($"{name} is 10001 characters long; the limit is 10000 characters (IptJsonLimits.MaxStringLength).", error.Message);
        Assert.NotNull(error.Location?.Line);
    }

    [Theory]
    [MemberData(nameof(TextPlaces))]
    public void Free_text_at_a_configured_limit_passes_and_one_more_character_fails_without_echoing_it(string template, string path, string name)
    {
        var reader = new CourseJson(new IptJsonLimits { MaxStringLength = 12 });
        Assert.True(reader.TryRead(template.Replace("TEXT", "Secret-12345", StringComparison.Ordinal)).Success);

        var error = SingleError(reader.TryRead(template.Replace("TEXT", "Secret-123456", StringComparison.Ordinal)));
        Assert.Equal(path, error.Path.ToString());
        Assert.Equal($"{name} is 13 characters long; the limit is 12 characters (IptJsonLimits.MaxStringLength).", error.Message);
        Assert.DoesNotContain("Secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_breach_is_reported_at_once()
    {
        var reader = new CourseJson(new IptJsonLimits { MaxSessions = 1, MaxPersons = 1, MaxStringLength = 3 });
        var json = Head + """
            "inventory":{"persons":[{"id":"p1","relationship":"friend"},{"id":"p2","relationship":"friend"}]},
            "sessions":[{"number":1,"phase":"initial"},{"number":2,"phase":"initial"}],
            "goals":[{"id":"g1","description":"long"}]}
            """;
        var result = reader.TryRead(json);
        Assert.Equal(["$.inventory.persons", "$.sessions", "$.goals[0].description"], result.Errors.Select(e => e.Path.ToString()));
        Assert.All(result.Errors, e => Assert.NotNull(e.Location?.Line));
    }

    [Fact]
    public void The_document_size_limit_is_exact()
    {
        var json = Encoding.UTF8.GetBytes(Sessions(2));
        var reader = new CourseJson(new IptJsonLimits { MaxDocumentBytes = json.Length });
        Assert.True(reader.TryRead(json).Success);
        var smaller = new CourseJson(new IptJsonLimits { MaxDocumentBytes = json.Length - 1 });
        var error = SingleError(smaller.TryRead(json));
        Assert.Equal("$", error.Path.ToString());
        Assert.Equal($"The document is {json.Length} bytes; the limit is {json.Length - 1} bytes (IptJsonLimits.MaxDocumentBytes).", error.Message);
        using var stream = new MemoryStream(json);
        Assert.Equal("$", SingleError(smaller.TryRead(stream)).Path.ToString());
    }

    [Fact]
    public void The_depth_limit_is_exact()
    {
        // A course document with a session measurement reaches depth 5 ($ > sessions > [0] > measures > [0]); items make 6.
        var json = Head + """
            "sessions":[{"number":1,"phase":"initial","measures":[{"instrument":"phq-9","items":[0,0,0,0,0,0,0,0,0]}]}]}
            """;
        Assert.True(new CourseJson(new IptJsonLimits { MaxDepth = 6 }).TryRead(json).Success);
        var error = SingleError(new CourseJson(new IptJsonLimits { MaxDepth = 5 }).TryRead(json));
        Assert.Equal("The document is nested deeper than the limit of 5 levels (IptJsonLimits.MaxDepth).", error.Message);
        Assert.Equal(DocumentErrorCodes.Limit, error.Code);
    }

    [Fact]
    public void Limits_out_of_range_are_programming_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IptJsonLimits { MaxSessions = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new IptJsonLimits { MaxPersons = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new IptJsonLimits { MaxMeasuresPerSession = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new IptJsonLimits { MaxStringLength = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new IptJsonLimits { MaxStringLength = IptJsonLimits.DefaultMaxStringLength + 1 });
        Assert.Equal(
            "IptJsonLimits (4194304 bytes, depth 32, 1000 sessions, 500 persons, 50 measures per session, 10000 characters, 100 errors)",
            IptJsonLimits.Default.ToString());
        Assert.Equal(new IptJsonLimits { MaxSessions = 7 }, new IptJsonLimits { MaxSessions = 7 });
    }
}

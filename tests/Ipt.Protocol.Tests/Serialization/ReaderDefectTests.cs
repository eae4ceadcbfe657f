using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Tests.Cli;
using Ipt.Protocol.Tests.Docs;
using NodaTime;

namespace Ipt.Protocol.Tests.Serialization;

/// <summary>
/// The defects an adversarial pass found in the reader (issue 12), each with a test, and the
/// truncation and mutation sweeps over every shipped example document.
/// </summary>
public class ReaderDefectTests
{
    private static readonly string[] Examples = [.. Directory.GetFiles(RepoFiles.PathOf("docs/examples"), "*.course.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_byte_truncation_of_every_example_is_truncated_or_syntax_never_a_limit()
    {
        var cases = 0;
        foreach (var file in Examples)
        {
            var bytes = File.ReadAllBytes(file);
            var whole = Encoding.UTF8.GetString(bytes).TrimEnd();
            for (var length = 0; length < bytes.Length; length++)
            {
                if (Encoding.UTF8.GetString(bytes, 0, length).TrimEnd() == whole)
                {
                    continue; // only trailing whitespace was cut: the document is whole
                }

                var result = CourseJson.Default.TryRead(bytes.AsSpan(0, length));
                cases++;
                var error = Assert.Single(result.Errors);
                Assert.True(
                    error.Code is DocumentErrorCodes.Truncated or DocumentErrorCodes.Syntax,
                    $"{Path.GetFileName(file)} cut at {length}: {error}");
                Assert.NotNull(error.Location);
            }
        }

        Assert.True(cases > 100_000, $"{cases} truncations");
    }

    [Fact]
    public void The_tool_exits_with_2_for_a_truncated_document_and_says_where_it_ends()
    {
        var bytes = File.ReadAllBytes(RepoFiles.PathOf("docs/examples/standard.course.json"));
        var dir = Directory.CreateTempSubdirectory("ipt-truncated-");
        try
        {
            for (var length = 0; length < bytes.Length; length += 997)
            {
                var path = Path.Combine(dir.FullName, string.Create(CultureInfo.InvariantCulture, $"cut-{length}.json"));
                File.WriteAllBytes(path, bytes[..length]);
                var (code, _, error) = CliRunner.Run(["validate", path]);
                Assert.Equal(2, code);
                Assert.Contains(": truncated: ", error, StringComparison.Ordinal);
                Assert.DoesNotContain("nested deeper", error, StringComparison.Ordinal);
            }

            var end = Path.Combine(dir.FullName, "end.json");
            File.WriteAllText(end, "{\n  \"schemaVersion\": 2,\n  \"protocol\": \"ipt\"");
            var (_, _, message) = CliRunner.Run(["validate", end]);
            Assert.Contains("end.json:3:20: truncated: The document ends inside $: expected ',' or '}'.", message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_single_byte_change_deletion_and_insertion_is_classified_and_never_repeats_document_text()
    {
        byte[] replacements = [(byte)'"', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)',', (byte)':', (byte)'\\', (byte)'\'', (byte)'x', (byte)'0', (byte)' ', 0xC3, 0xFF, 0x00];
        var reads = 0;
        foreach (var file in Examples)
        {
            var bytes = File.ReadAllBytes(file);
            var texts = StringValues(JsonNode.Parse(bytes)!).Where(t => t.Length >= 5 && !Vocabulary.Contains(t)).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < bytes.Length; i += 3)
            {
                var b = replacements[(i / 3) % replacements.Length];
                byte[] changed = [.. bytes];
                changed[i] = b;
                byte[] deleted = [.. bytes[..i], .. bytes[(i + 1)..]];
                byte[] inserted = [.. bytes[..i], b, .. bytes[i..]];
                foreach (var damaged in (byte[][])[changed, deleted, inserted])
                {
                    reads++;
                    var result = CourseJson.Default.TryRead(damaged);
                    foreach (var error in result.Errors)
                    {
                        Assert.Contains(error.Code, DocumentErrorCodes.All);
                        Assert.StartsWith("$", error.Path.ToString(), StringComparison.Ordinal);
                        foreach (var text in texts)
                        {
                            Assert.False(error.Message.Contains(text, StringComparison.Ordinal), $"{Path.GetFileName(file)} at {i}: '{error.Message}' repeats document text.");
                        }
                    }
                }
            }
        }

        Assert.True(reads > 100_000, $"{reads} reads");
    }

    [Fact]
    public void An_invalid_literal_next_to_a_label_with_an_apostrophe_leaks_nothing()
    {
        var json = CourseJson.Default.WriteToString(SampleCourses.Standard);
        foreach (var literal in (string[])["none", "tru"])
        {
            var damaged = json.Replace("\"Sam\"", "\"Sam O'Neil\"", StringComparison.Ordinal)
                .Replace("\"knowsAboutMood\": true", "\"knowsAboutMood\": " + literal, StringComparison.Ordinal);
            Assert.NotEqual(json, damaged);
            var error = Assert.Single(CourseJson.Default.TryRead(damaged).Errors);
            Assert.Equal(DocumentErrorCodes.Syntax, error.Code);
            Assert.Equal("$.inventory.persons[0].knowsAboutMood", error.Path.ToString());
            Assert.DoesNotContain("Neil", error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("move", error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("none", error.Message, StringComparison.Ordinal);

            // The tool, in every format, and a host's own deserialization.
            var dir = Directory.CreateTempSubdirectory("ipt-leak-");
            try
            {
                var path = Path.Combine(dir.FullName, "course.json");
                File.WriteAllText(path, damaged);
                foreach (var format in (string[])["text", "json", "sarif"])
                {
                    var (code, output, stderr) = CliRunner.Run(["validate", path, "--format", format]);
                    Assert.Equal(2, code);
                    Assert.DoesNotContain("Neil", output + stderr, StringComparison.Ordinal);
                    Assert.DoesNotContain("partner", output + stderr, StringComparison.Ordinal);
                }
            }
            finally
            {
                dir.Delete(recursive: true);
            }

            var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Course>(damaged, CourseJson.Default.CreateSerializerOptions()));
            Assert.DoesNotContain("Neil", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("none", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("P106752D")]
    [InlineData("P15251W")]
    public void A_frequency_too_long_for_nodatime_is_an_error_not_an_exception(string frequency)
    {
        var json = "{\"schemaVersion\":2,\"protocol\":\"ipt\",\"contract\":{\"sessions\":12,\"frequency\":\"" + frequency + "\"}}";
        var error = Assert.Single(CourseJson.Default.TryRead(json).Errors);
        Assert.Equal("$.contract.frequency", error.Path.ToString());
        Assert.Equal(DocumentErrorCodes.Value, error.Code);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Contract { Sessions = 12, Frequency = Period.FromDays(106_752) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new Contract { Sessions = 12, Frequency = Period.FromWeeks(15_251) });
        Assert.Equal(Period.FromDays(106_751), new Contract { Sessions = 12, Frequency = Period.FromDays(106_751) }.Frequency);
    }

    [Fact]
    public void A_huge_unknown_member_name_and_array_is_located_in_one_pass()
    {
        // 300 KB: locating this error used to build a path string per token (16 s, 19 GB).
        var json = "{\"schemaVersion\":2,\"protocol\":\"ipt\",\"" + new string('n', 100_000) + "\":[" + string.Join(",", Enumerable.Repeat("0", 100_000)) + "]}";
        var error = Assert.Single(CourseJson.Default.TryRead(json).Errors);
        Assert.Equal(DocumentErrorCodes.UnknownMember, error.Code);
        Assert.Equal(new DocumentLocation(1, 37), error.Location);
    }

    [Fact]
    public void Errors_beyond_the_limit_are_counted_in_one_last_error()
    {
        var sessions = string.Join(",", Enumerable.Range(1, 300).Select(i => "{\"number\":0,\"phase\":\"initial\"}"));
        var result = CourseJson.Default.TryRead("{\"schemaVersion\":2,\"protocol\":\"ipt\",\"sessions\":[" + sessions + "]}");
        Assert.Equal(IptJsonLimits.DefaultMaxErrors + 1, result.Errors.Count);
        var last = result.Errors[^1];
        Assert.Equal(DocumentErrorCodes.TooManyErrors, last.Code);
        Assert.Equal("200 more errors were found and are not listed (IptJsonLimits.MaxErrors is 100).", last.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new IptJsonLimits { MaxErrors = 0 });
    }

    [Fact]
    public void A_record_with_hundreds_of_thousands_of_findings_gives_a_capped_report()
    {
        var positive = new Measurement(BuiltInInstruments.Phq9.Id, null, [1, 1, 1, 1, 1, 1, 1, 1, 2]);
        var measures = ValueList.From(Enumerable.Repeat(positive, 50));
        var course = new Course(ProtocolId.From("ipt")) { Sessions = ValueList.From(Enumerable.Range(1, 1000).Select(n => new Session(n, Phase.Middle) { Status = SessionStatus.Held, Measures = measures })) };
        var report = CourseValidator.Default.Validate(course);
        Assert.Equal(ValidatorOptions.DefaultMaxDiagnostics + 1, report.Diagnostics.Count);
        var omitted = Assert.Single(report.Diagnostics, d => d.Id == "IPT0003");
        Assert.Equal(DiagnosticSeverity.Error, omitted.Severity);
        Assert.Contains("IPT0704 × ", omitted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tool_refuses_an_endless_file_before_reading_it_all()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var (code, _, error) = CliRunner.Run(["validate", "/dev/zero"]);
        Assert.Equal(2, code);
        Assert.Contains("larger than the limit", error, StringComparison.Ordinal);
        var (catalogueCode, _, catalogueError) = CliRunner.Run(["validate", RepoFiles.PathOf("docs/examples/standard.course.json"), "--catalogue", "/dev/zero"]);
        Assert.Equal(2, catalogueCode);
        Assert.Contains("larger than the limit", catalogueError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_size_limit_is_bounded_and_a_short_line_under_the_largest_limit_reads()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IptJsonLimits { MaxDocumentBytes = int.MaxValue });
        var largest = new CourseJson(new IptJsonLimits { MaxDocumentBytes = IptJsonLimits.MaxAllowedDocumentBytes });
        using var lines = new MemoryStream("{\"schemaVersion\":2,\"protocol\":\"ipt\"}\n"u8.ToArray());
        var read = new List<CourseLine>();
        await foreach (var line in largest.ReadLinesAsync(lines, TestContext.Current.CancellationToken))
        {
            read.Add(line);
        }

        Assert.True(Assert.Single(read).Result.Success);
    }

    [Fact]
    public async Task An_endless_stream_is_read_one_byte_past_the_limit_then_refused()
    {
        var limits = new IptJsonLimits { MaxDocumentBytes = 1_000_000 };
        var endless = new EndlessStream();
        var error = Assert.Single(new CourseJson(limits).TryRead(endless).Errors);
        Assert.Equal(DocumentErrorCodes.Limit, error.Code);
        Assert.InRange(endless.BytesRead, 1_000_001, 1_000_001 + (64 * 1024));
        var again = new EndlessStream();
        Assert.Equal(DocumentErrorCodes.Limit, Assert.Single((await new CourseJson(limits).TryReadAsync(again, TestContext.Current.CancellationToken)).Errors).Code);
        Assert.InRange(again.BytesRead, 1_000_001, 1_000_001 + (64 * 1024));
    }

    /// <summary>A stream of spaces that never ends and cannot seek (like a pipe or /dev/zero).</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData("\"\\ud800\"", DocumentErrorCodes.Encoding)]
    [InlineData("\"\\udc00x\"", DocumentErrorCodes.Encoding)]
    [InlineData("-Infinity", DocumentErrorCodes.Syntax)]
    [InlineData("NaN", DocumentErrorCodes.Syntax)]
    public void Lone_surrogates_and_non_numbers_name_the_real_fault(string value, string code)
    {
        var error = Assert.Single(CourseJson.Default.TryRead("{\"schemaVersion\":2,\"protocol\":\"ipt\",\"sessions\":[{\"number\":1,\"phase\":\"initial\",\"notes\":" + value + "}]}").Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal("$.sessions[0].notes", error.Path.ToString());
        Assert.DoesNotContain("a character", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("found a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_an_encoding_error()
    {
        byte[] bytes = [.. "{\"schemaVersion\":2,\"protocol\":\"ipt\",\"sessions\":[{\"number\":1,\"phase\":\"initial\",\"notes\":\"a"u8, 0xFF, .. "\"}]}"u8];
        var error = Assert.Single(CourseJson.Default.TryRead(bytes).Errors);
        Assert.Equal(DocumentErrorCodes.Encoding, error.Code);
        Assert.Equal("The text is not valid UTF-8.", error.Message);
    }

    [Theory]
    [InlineData("{\"schemaVersion\":2,\"protocol\":\"ipt\" \"sessions\":[]}", "Expected ',' or '}' after a member; found '\"'.")]
    [InlineData("{\"schemaVersion\":2,\"protocol\":\"ipt\"} // end", "Expected the end of the document after its value; found '/' (comments are not allowed).")]
    [InlineData("{'schemaVersion': 1}", "Expected a member name in double quotes; found a single quote (') (strings and names take double quotes).")]
    public void Syntax_messages_keep_the_punctuation(string json, string message)
    {
        var error = Assert.Single(CourseJson.Default.TryRead(json).Errors);
        Assert.Equal(DocumentErrorCodes.Syntax, error.Code);
        Assert.Equal(message, error.Message);
    }

    private static readonly HashSet<string> Vocabulary = new(StringComparer.Ordinal)
    {
        // Enum names and member names are the format's vocabulary; messages list them.
    };

    private static IEnumerable<string> StringValues(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : StringValues(p.Value)),
        JsonArray a => a.SelectMany(i => i is null ? [] : StringValues(i)),
        JsonValue v when v.TryGetValue<string>(out var s) && !IsVocabulary(s) => [s],
        _ => [],
    };

    private static bool IsVocabulary(string s) =>
        s.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && s.Length <= 24; // enum names, ids and codes, not free text
}

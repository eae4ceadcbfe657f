using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Tests.Docs;

namespace Ipt.Protocol.Tests.Robustness;

/// <summary>
/// Seeded fuzzing of the readers: damaged copies of every sample document must give errors, never
/// an exception or a hang, and any course read must round-trip. CI runs a short run;
/// <c>IPT_FUZZ_CASES=1000000</c> runs a long one and <c>IPT_FUZZ_SEED</c> picks another seed. A
/// failure names the seed and case; <c>IPT_FUZZ_FIRST=n IPT_FUZZ_CASES=1</c> reruns case n alone.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20_261_122;
    private const int DefaultCases = 12_000;

    /// <summary>No case may take longer than this (a generous bound for a 2-core machine under load; a case takes well under a millisecond).</summary>
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);

    private static readonly Lazy<Source[]> CourseSources = new(BuildCourseSources);

    private static readonly Lazy<Source[]> CatalogueSources = new(() =>
    [
        Parse("catalogue.example.json", Encoding.UTF8.GetBytes(RepoFiles.Read("docs/examples/catalogue.example.json"))),
    ]);

    private static int Seed => Env("IPT_FUZZ_SEED") ?? DefaultSeed;

    private static int Cases => Env("IPT_FUZZ_CASES") ?? DefaultCases;

    /// <summary>The first case number (<c>IPT_FUZZ_FIRST</c>, default 0): with <c>IPT_FUZZ_CASES=1</c> reruns one failing case.</summary>
    private static int First => Env("IPT_FUZZ_FIRST") ?? 0;

    [Fact]
    public void Damaged_course_documents_give_errors_never_exceptions_hangs_or_courses_that_do_not_round_trip()
    {
        var stats = Run(CourseSources.Value, Cases, CheckCourse);
        Report("course", stats);
    }

    [Fact]
    public void Damaged_catalogue_documents_give_errors_never_exceptions_or_hangs()
    {
        var stats = Run(CatalogueSources.Value, Math.Max(1, Cases / 6), CheckCatalogue);
        Report("catalogue", stats);
    }

    [Fact]
    public void The_mutator_is_deterministic_and_does_every_kind_of_damage()
    {
        var sources = CourseSources.Value;
        var kinds = new HashSet<MutationKind>();
        for (var i = 0; i < 400; i++)
        {
            var a = Case(sources, Seed, i, out var kind, out _);
            var b = Case(sources, Seed, i, out _, out _);
            Assert.Equal(a, b);
            kinds.Add(kind);
        }

        Assert.Equal(Enum.GetValues<MutationKind>().Length, kinds.Count);
        Assert.True(sources.Length >= SampleCourses.All.Count * 2 + 1);
    }

    [Fact]
    public void Found_by_fuzzing_a_member_name_full_of_brackets_is_reported_in_linear_time()
    {
        // Locating the error walked up the path one bracket at a time: quadratic in the name's length (minutes for this one).
        var name = new string('[', 200_000);
        var result = CourseJson.Default.TryRead($$$"""{"schemaVersion":2,"protocol":"ipt","inventory":{"persons":[{"id":"p1","relationship":"friend","{{{name}}}":1}]}}""");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("$.inventory.persons[0]['[[[", error.Path.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, error.Location?.Line);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xC3 })]
    public void Found_by_fuzzing_invalid_utf8_in_a_catalogue_is_an_error_not_an_exception(byte[] bad)
    {
        var json = Encoding.UTF8.GetBytes(RepoFiles.Read("docs/examples/catalogue.example.json"));
        var at = json.AsSpan().IndexOf("Example clinic"u8); // inside the name's value
        var damaged = json[..at].Concat(bad).Concat(json[at..]).ToArray();
        var result = CatalogueJson.Default.TryRead(damaged);
        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal(DocumentErrorCodes.Encoding, error.Code);
        Assert.Equal("$.name", error.Path.ToString());
    }

    /// <summary>Rebuilds the bytes of one case.</summary>
    internal static byte[] Case(Source[] sources, int seed, int caseNumber, out MutationKind kind, out string sourceName)
    {
        var random = new Random(unchecked((seed * 1_000_003) + caseNumber));
        var source = sources[random.Next(sources.Length)];
        sourceName = source.Name;
        return DocumentMutator.Mutate(source.Bytes, source.Parsed, random, out kind);
    }

    private static Outcome CheckCourse(byte[] bytes, int caseNumber)
    {
        var result = CourseJson.Default.TryRead(bytes);

        if (caseNumber % 16 == 0)
        {
            // The text and stream entry points give the same answer as the bytes.
            var text = Encoding.UTF8.GetString(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes);
            _ = CourseJson.Default.TryRead(text);
            using var stream = new MemoryStream(bytes);
            var fromStream = CourseJson.Default.TryRead(stream);
            Require(fromStream.Success == result.Success, "the stream reader disagrees with the byte reader");
        }

        if (!result.Success)
        {
            Require(result.Errors.Count > 0, "a failed read has no errors");
            foreach (var error in result.Errors)
            {
                Require(!string.IsNullOrWhiteSpace(error.Message) && error.Path.ToString().StartsWith('$') && DocumentErrorCodes.All.Contains(error.Code), "an error without a message or a JSON path");
            }

            return Outcome.Error;
        }

        var written = CourseJson.Default.ToUtf8Bytes(result.Value);
        var again = CourseJson.Default.TryRead(written);
        Require(again.Success, "a course read from a damaged document does not read back: " + string.Join("; ", again.Errors));
        Require(again.Value == result.Value, "a course read from a damaged document reads back different");
        Require(written.AsSpan().SequenceEqual(CourseJson.Default.ToUtf8Bytes(again.Value)), "writing the course read back is not stable");
        return Outcome.Read;
    }

    private static Outcome CheckCatalogue(byte[] bytes, int caseNumber)
    {
        var result = CatalogueJson.Default.TryRead(bytes);
        if (!result.Success)
        {
            Require(result.Errors.Count > 0 && result.Errors.All(e => !string.IsNullOrWhiteSpace(e.Message)), "a failed read without messages");
            return Outcome.Error;
        }

        var written = CatalogueJson.Default.WriteToString(result.Value);
        var again = CatalogueJson.Default.TryRead(written);
        Require(again.Success, "a catalogue read from a damaged document does not read back: " + string.Join("; ", again.Errors));
        Require(written == CatalogueJson.Default.WriteToString(again.Value), "writing the catalogue read back is not stable");
        return Outcome.Read;
    }

    private static void Require([System.Diagnostics.CodeAnalysis.DoesNotReturnIf(false)] bool condition, string what)
    {
        if (!condition)
        {
            throw new FuzzFailure(what);
        }
    }

    /// <summary>Runs the cases on a worker thread; the test thread watches that every case finishes in time.</summary>
    private static Stats Run(Source[] sources, int cases, Func<byte[], int, Outcome> check)
    {
        var seed = Seed;
        var stats = new Stats();
        var current = -1;
        string? failure = null;
        var worker = new Thread(() =>
        {
            var first = First;
            for (var i = first; i < first + cases && failure is null; i++)
            {
                Volatile.Write(ref current, i);
                byte[] bytes = [];
                var kind = default(MutationKind);
                var name = string.Empty;
                try
                {
                    bytes = Case(sources, seed, i, out kind, out name);
                    stats.Bytes += bytes.Length;
                    if (check(bytes, i) == Outcome.Read)
                    {
                        stats.Read++;
                    }
                    else
                    {
                        stats.Errors++;
                    }

                    stats.Run++;
                }
                catch (Exception ex)
                {
                    failure = string.Create(
                        CultureInfo.InvariantCulture,
                        $"IPT_FUZZ_SEED={seed} case {i} ({kind} of {name}, {bytes.Length} bytes): {(ex is FuzzFailure ? ex.Message : ex.ToString())}");
                }
            }

            Volatile.Write(ref current, int.MaxValue);
        }, maxStackSize: 4 * 1024 * 1024)
        { IsBackground = true };

        var clock = Stopwatch.StartNew();
        worker.Start();
        var seen = -1;
        var since = Stopwatch.StartNew();
        while (!worker.Join(TimeSpan.FromMilliseconds(200)))
        {
            var now = Volatile.Read(ref current);
            if (now != seen)
            {
                seen = now;
                since.Restart();
            }
            else if (since.Elapsed > CaseTimeout)
            {
                _ = Case(sources, seed, now, out var kind, out var name);
                Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"IPT_FUZZ_SEED={seed} case {now} ({kind} of {name}) did not finish within {CaseTimeout.TotalSeconds} s."));
            }
        }

        stats.Elapsed = clock.Elapsed;
        Assert.True(failure is null, failure);
        Assert.Equal(cases, stats.Run);
        return stats;
    }

    private void Report(string what, Stats stats)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"Fuzzed {stats.Run} {what} documents (seed {Seed}): {stats.Errors} gave errors, {stats.Read} read and round-tripped, 0 failures; {stats.Bytes / 1_000_000.0:F1} MB in {stats.Elapsed.TotalSeconds:F1} s.");
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("IPT_FUZZ_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, line + Environment.NewLine);
        }
    }

    private static Source[] BuildCourseSources()
    {
        var sources = new List<Source>
        {
            Parse("standard.course.json", Encoding.UTF8.GetBytes(RepoFiles.Read("docs/examples/standard.course.json"))),
        };
        foreach (var (id, course) in SampleCourses.All.OrderBy(p => p.Key.Value, StringComparer.Ordinal))
        {
            sources.Add(Parse($"{id} (indented)", CourseJson.Default.ToUtf8Bytes(course, indented: true)));
            sources.Add(Parse($"{id} (compact)", CourseJson.Default.ToUtf8Bytes(course, indented: false)));
        }

        // Generated courses carry every kind of member, awkward text included.
        foreach (var seed in (int[])[3, 7, 11, 19])
        {
            sources.Add(Parse($"generated {seed}", CourseJson.Default.ToUtf8Bytes(CourseGenerator.Build(seed), indented: false)));
        }

        return [.. sources];
    }

    private static Source Parse(string name, byte[] bytes) => new(name, bytes, JsonNode.Parse(bytes)!);

    private static int? Env(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;

    internal sealed record Source(string Name, byte[] Bytes, JsonNode Parsed);

    private enum Outcome
    {
        Read,
        Error,
    }

    private sealed class Stats
    {
        public int Run { get; set; }

        public int Read { get; set; }

        public int Errors { get; set; }

        public long Bytes { get; set; }

        public TimeSpan Elapsed { get; set; }
    }

    private sealed class FuzzFailure(string message) : Exception(message);
}

using System.Globalization;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Tests.Robustness;

/// <summary>
/// Properties over generated courses (<see cref="CourseGenerator"/>): the validator and the advisor
/// never throw and are deterministic, parallel use gives exactly the sequential results, and every
/// course round-trips through its JSON document. <c>IPT_PROPERTY_CASES</c> sets the number of
/// courses (default 300); a failure names the seed, so it can be rebuilt with
/// <c>CourseGenerator.Build(seed)</c>.
/// </summary>
public class PropertyTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("IPT_PROPERTY_CASES"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 300;

    private static readonly Lazy<Course[]> Courses = new(() => [.. Enumerable.Range(0, Cases).Select(seed => CourseGenerator.Build(seed))]);

    [Fact]
    public void The_generator_is_deterministic_and_covers_every_enum_value()
    {
        Assert.Equal(CourseGenerator.Build(42), CourseGenerator.Build(42));
        var courses = Courses.Value;
        AssertCovers(courses.SelectMany(c => c.Sessions).Select(s => s.Phase));
        AssertCovers(courses.SelectMany(c => c.Sessions).Select(s => s.Format));
        AssertCovers(courses.SelectMany(c => c.Sessions).Select(s => s.Status));
        AssertCovers(courses.SelectMany(c => c.Sessions).SelectMany(s => s.Tasks));
        AssertCovers(courses.SelectMany(c => c.Inventory.Persons).Select(p => p.Relationship));
        AssertCovers(courses.SelectMany(c => c.Inventory.Persons).SelectMany(p => p.Support));
        AssertCovers(courses.Select(c => c.Formulation).OfType<Formulation>().SelectMany(f => f.Areas).Select(a => a.Area));
        AssertCovers(courses.Select(c => c.Formulation).OfType<Formulation>().SelectMany(f => f.Areas).Select(a => a.Rank));
        AssertCovers(courses.Select(c => c.Formulation).OfType<Formulation>().SelectMany(f => f.Areas).Select(a => a.DisputeStage).OfType<RoleDisputeStage>());
        AssertCovers(courses.Select(c => c.Setting).OfType<CareSetting>());
        AssertCovers(courses.SelectMany(c => c.Diary).SelectMany(e => e.Emotions));
        AssertCovers(courses.SelectMany(c => c.Inventory.Persons).Select(p => p.Contact).OfType<ContactFrequency>());
        Assert.Equal(BuiltInProtocols.All.Count + 1, courses.Select(c => c.Protocol).Distinct().Count());
    }

    [Fact]
    public void Validate_never_throws_never_fails_a_rule_and_gives_the_same_diagnostics_in_the_same_order()
    {
        var validator = CourseValidator.Default;
        var courses = Courses.Value;
        for (var seed = 0; seed < courses.Length; seed++)
        {
            ValidationReport first, second;
            try
            {
                first = validator.Validate(courses[seed]);
                second = validator.Validate(CourseGenerator.Build(seed));
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed}: Validate threw {ex.GetType().Name}: {ex.Message}");
                throw;
            }

            Assert.True(first.Diagnostics.All(d => d.Id != "IPT0001"), $"seed {seed}: {string.Join("\n", first.Diagnostics.Where(d => d.Id == "IPT0001"))}");
            Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void Validation_in_8_parallel_threads_gives_exactly_the_sequential_results()
    {
        var validator = CourseValidator.Default;
        var courses = Courses.Value;
        var sequential = courses.Select(c => validator.Validate(c)).ToArray();
        var parallel = RunOn8Threads(courses, c => validator.Validate(c));
        foreach (var results in parallel)
        {
            for (var i = 0; i < courses.Length; i++)
            {
                Assert.True(sequential[i] == results[i], $"seed {i}: the parallel report differs");
            }
        }
    }

    [Fact]
    public void The_advisor_never_throws_for_any_session_and_is_deterministic()
    {
        var advisor = TechniqueAdvisor.Default;
        var courses = Courses.Value;
        for (var seed = 0; seed < courses.Length; seed++)
        {
            var course = courses[seed];
            if (!advisor.Protocols.TryGet(course.Protocol, out _))
            {
                Assert.Throws<ArgumentException>(() => advisor.Suggest(course));
                continue;
            }

            var highest = course.Sessions.Select(s => s.Number).DefaultIfEmpty(0).Max();
            int?[] numbers = [null, 1, 2, 3, 5, 8, 13, 21, 34, 60, highest > 0 ? highest : null, highest < int.MaxValue ? highest + 1 : null, int.MaxValue];
            foreach (var number in numbers)
            {
                try
                {
                    var result = advisor.Suggest(course, number, top: 1 + (seed % 8));
                    Assert.Equal(result, advisor.Suggest(CourseGenerator.Build(seed), number, top: 1 + (seed % 8)));
                    Assert.All(result.Suggestions, s => Assert.False(string.IsNullOrWhiteSpace(s.Rationale)));
                    _ = result.ToString();
                }
                catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                {
                    Assert.Fail($"seed {seed}, session {number}: Suggest threw {ex.GetType().Name}: {ex.Message}");
                }
            }
        }
    }

    [Fact]
    public void Advice_in_8_parallel_threads_gives_exactly_the_sequential_results()
    {
        var advisor = TechniqueAdvisor.Default;
        var courses = Courses.Value.Where(c => advisor.Protocols.TryGet(c.Protocol, out _)).ToArray();
        var sequential = courses.Select(c => advisor.Suggest(c, top: 8)).ToArray();
        foreach (var results in RunOn8Threads(courses, c => advisor.Suggest(c, top: 8)))
        {
            Assert.Equal(sequential, results);
        }
    }

    [Fact]
    public void Every_course_round_trips_and_writing_is_stable()
    {
        var courses = Courses.Value;
        for (var seed = 0; seed < courses.Length; seed++)
        {
            foreach (var indented in (bool[])[true, false])
            {
                var json = CourseJson.Default.ToUtf8Bytes(courses[seed], indented);
                var read = CourseJson.Default.TryRead(json);
                Assert.True(read.Success, $"seed {seed}: {string.Join("\n", read.Errors)}");
                Assert.True(courses[seed] == read.Value, $"seed {seed}: the course read back differs");
                Assert.Equal(json, CourseJson.Default.ToUtf8Bytes(read.Value, indented));
            }
        }
    }

    [Fact]
    public void Lone_surrogates_cannot_round_trip_and_are_written_as_the_replacement_character()
    {
        // Not well-formed Unicode: UTF-8 cannot carry a lone surrogate, so the writer replaces it.
        var course = new Course(BuiltInProtocols.Standard.Id) { Sessions = [new Session(1, Phase.Initial) { Notes = "a\uD800b\uDC00" }] };
        var read = CourseJson.Default.TryRead(CourseJson.Default.ToUtf8Bytes(course));
        Assert.True(read.Success);
        Assert.Equal("a\uFFFDb\uFFFD", read.Value.Sessions[0].Notes);
    }

    private static List<TResult[]> RunOn8Threads<TResult>(Course[] courses, Func<Course, TResult> run)
    {
        using var start = new Barrier(8);
        var results = new TResult[8][];
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            var mine = new TResult[courses.Length];
            start.SignalAndWait();

            // Each thread walks the courses from a different offset, so threads overlap on shared state.
            for (var k = 0; k < courses.Length; k++)
            {
                var i = (k + (t * courses.Length / 8)) % courses.Length;
                mine[i] = run(courses[i]);
            }

            results[t] = mine;
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromMinutes(2)), "a thread did not finish"));
        return [.. results];
    }

    private static void AssertCovers<T>(IEnumerable<T> seen)
        where T : struct, Enum
    {
        var values = seen.ToHashSet();
        Assert.All(Enum.GetValues<T>(), v => Assert.Contains(v, values));
    }
}

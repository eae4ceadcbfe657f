using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Rules;

/// <summary>Validating a clean course allocates nothing (BenchmarkDotNet measures it too; this guards against regressions).</summary>
/// <remarks>
/// The runtime may allocate now and then on the calling thread for its own reasons (type loading,
/// tiered compilation, first use of a static while other tests warm the process), which once made
/// this test fail on a fresh CI machine with 2,288 bytes over 10 calls (228.8 per call: not a
/// per-call allocation). So the test warms up past the tiering thresholds and measures up to five
/// rounds: a regression that allocates in every validation allocates in every round, so the
/// steady state must show at least one round of exactly 0 bytes.
/// </remarks>
public class AllocationTests
{
    private const int Rounds = 5;

    [Theory]
    [MemberData(nameof(CanonicalCourseTests.Variants), MemberType = typeof(CanonicalCourseTests))]
    public void Validating_a_clean_canonical_course_allocates_nothing(string id)
    {
        var course = SampleCourses.All[ProtocolId.From(id)];
        foreach (var validator in new[] { RuleTestKit.Validator, RuleTestKit.WithCatalogue })
        {
            for (var i = 0; i < 100; i++)
            {
                validator.Validate(course);
            }

            var measured = new List<long>();
            for (var round = 0; round < Rounds; round++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < 10; i++)
                {
                    validator.Validate(course);
                }

                measured.Add(GC.GetAllocatedBytesForCurrentThread() - before);
                if (measured[^1] == 0)
                {
                    break;
                }
            }

            Assert.True(measured[^1] == 0, $"Every round of 10 validations allocated: {string.Join(", ", measured)} bytes.");
        }
    }
}

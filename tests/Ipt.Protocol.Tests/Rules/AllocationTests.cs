using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Rules;

/// <summary>Validating a clean course allocates nothing (BenchmarkDotNet measures it too; this guards against regressions).</summary>
public class AllocationTests
{
    [Theory]
    [MemberData(nameof(CanonicalCourseTests.Variants), MemberType = typeof(CanonicalCourseTests))]
    public void Validating_a_clean_canonical_course_allocates_nothing(string id)
    {
        var course = SampleCourses.All[ProtocolId.From(id)];
        foreach (var validator in new[] { RuleTestKit.Validator, RuleTestKit.WithCatalogue })
        {
            for (var i = 0; i < 3; i++)
            {
                validator.Validate(course);
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10; i++)
            {
                validator.Validate(course);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}

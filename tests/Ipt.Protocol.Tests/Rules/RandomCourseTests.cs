using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Tests.Robustness;

namespace Ipt.Protocol.Tests.Rules;

/// <summary>The validator never throws and is deterministic for any course the model can represent (courses from <see cref="CourseGenerator"/>).</summary>
public class RandomCourseTests
{
    private const int Courses = 2_000;

    [Fact]
    public void Validate_never_throws_never_fails_a_rule_and_is_deterministic_over_random_courses()
    {
        var validators = new[] { CourseValidator.Default, RuleTestKit.WithCatalogue };
        for (var seed = 0; seed < Courses; seed++)
        {
            var course = CourseGenerator.Build(seed);
            var again = CourseGenerator.Build(seed);
            Assert.Equal(course, again);
            foreach (var validator in validators)
            {
                var report = validator.Validate(course);
                Assert.True(report.Diagnostics.All(d => d.Id != "IPT0001"), $"seed {seed}: {string.Join("\n", report.Diagnostics.Where(d => d.Id == "IPT0001"))}");
                Assert.Equal(report, validator.Validate(again));
                Assert.All(report.Diagnostics, d => Assert.DoesNotContain("{", d.Message, StringComparison.Ordinal));
                _ = report.ToDictionary();
                if (BuiltInProtocols.All.FirstOrDefault(p => p.Id == course.Protocol) is null)
                {
                    // Unknown ids can still be checked against any definition.
                    Assert.DoesNotContain(validator.Validate(course, BuiltInProtocols.Standard).Diagnostics, d => d.Id == "IPT0001");
                }
            }
        }
    }
}

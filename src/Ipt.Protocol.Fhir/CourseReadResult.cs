using System.Diagnostics.CodeAnalysis;
using Hl7.Fhir.Model;

namespace Ipt.Protocol.Fhir;

/// <summary>
/// The result of reading a course from a FHIR bundle: the course (when the bundle holds one), the
/// patient it belongs to, and everything that could not be mapped. A course with issues is the part
/// that could be read; nothing unmapped is dropped without an issue.
/// </summary>
public sealed class CourseReadResult
{
    internal CourseReadResult(Course? course, ResourceReference? patient, IReadOnlyList<FhirMappingIssue> issues)
    {
        Course = course;
        Patient = patient;
        Issues = ValueList.From(issues);
    }

    /// <summary>Gets the course, or <see langword="null"/> when the bundle holds no readable IPT care plan.</summary>
    public Course? Course { get; }

    /// <summary>Gets the care plan's subject as sent, or <see langword="null"/> when it had none.</summary>
    public ResourceReference? Patient { get; }

    /// <summary>Gets what could not be mapped, in bundle order.</summary>
    public ValueList<FhirMappingIssue> Issues { get; }

    /// <summary>Gets a value indicating whether a course was read and nothing was left unmapped.</summary>
    public bool IsComplete => Course is not null && Issues.IsEmpty;

    /// <summary>Returns the course, when one was read.</summary>
    /// <param name="course">The course.</param>
    /// <returns><see langword="true"/> when a course was read (it may still have issues).</returns>
    public bool TryGetCourse([NotNullWhen(true)] out Course? course)
    {
        course = Course;
        return course is not null;
    }

    /// <summary>Summarizes the result without any value of the bundle.</summary>
    /// <returns>A string such as <c>Course read, 2 issues</c>.</returns>
    public override string ToString() => $"{(Course is null ? "No course" : "Course read")}, {Issues.Count} issues";
}

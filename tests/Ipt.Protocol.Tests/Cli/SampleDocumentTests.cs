using Ipt.Protocol.Protocols;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Tests.Snapshots;

namespace Ipt.Protocol.Tests.Cli;

/// <summary>
/// Keeps docs/examples true: a course document for every built-in variant and one for every sample
/// mistake, each with its expected <c>ipt validate --format json</c> output (<c>NAME.validate.json</c>).
/// Both are regenerated and compared; IPT_ACCEPT_SNAPSHOTS=1 accepts changes.
/// </summary>
public class SampleDocumentTests
{
    /// <summary>The sample documents: relative path and course.</summary>
    public static IEnumerable<(string Path, Course Course)> Documents()
    {
        foreach (var (id, course) in SampleCourses.All)
        {
            yield return ($"docs/examples/{FileNameOf(id)}.course.json", course);
        }

        foreach (var mistake in SampleCourses.Mistakes)
        {
            yield return ($"docs/examples/mistakes/{mistake.Name}.course.json", mistake.Course);
        }

        foreach (var record in SampleCourses.Records)
        {
            yield return ($"docs/examples/records/{record.Name}.course.json", record.Course);
        }
    }

    /// <summary>The sample file name of a variant: <c>standard</c> for plain IPT, else the protocol id.</summary>
    public static string FileNameOf(ProtocolId id) => id == BuiltInProtocols.Standard.Id ? "standard" : id.Value;

    public static TheoryData<string> Paths() => [.. Documents().Select(d => d.Path)];

    [Theory]
    [MemberData(nameof(Paths))]
    public void Each_sample_document_and_its_validation_output_are_up_to_date(string path)
    {
        var course = Documents().Single(d => d.Path == path).Course;
        Snapshot.MatchFile(path, CourseJson.Default.WriteToString(course) + "\n");
        var (code, output, error) = RunInRepository("validate", path, "--format", "json");
        Assert.Empty(error);
        Assert.True(code is 0 or 1);
        Snapshot.MatchFile(path.Replace(".course.json", ".validate.json", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Correct_samples_are_valid_and_each_mistake_shows_its_rule()
    {
        foreach (var (id, _) in SampleCourses.All)
        {
            var (code, _, _) = RunInRepository("validate", $"docs/examples/{FileNameOf(id)}.course.json");
            Assert.True(code == 0, id.Value);
        }

        foreach (var mistake in SampleCourses.Mistakes)
        {
            var (_, output, _) = RunInRepository("validate", $"docs/examples/mistakes/{mistake.Name}.course.json");
            Assert.Contains($" {mistake.ExpectedId} ", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_sample_record_validates_as_expected_from_its_document()
    {
        foreach (var record in SampleCourses.Records)
        {
            var read = CourseJson.Default.TryRead(File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot, "docs", "examples", "records", record.Name + ".course.json")));
            Assert.True(read.Success, record.Name);
            Assert.Equal(record.Course, read.Value);
            Assert.Equal(record.ExpectedIds, Ipt.Protocol.Rules.CourseValidator.Default.Validate(read.Value).Diagnostics.Select(d => d.Id).ToArray());
            var (code, _, _) = RunInRepository("validate", $"docs/examples/records/{record.Name}.course.json");
            Assert.Equal(0, code);
        }
    }

    [Fact]
    public void No_stray_documents_in_the_examples_folders()
    {
        var expected = Documents().SelectMany(d => new[] { d.Path, d.Path.Replace(".course.json", ".validate.json", StringComparison.Ordinal) }).ToHashSet();
        foreach (var folder in new[] { "docs/examples", "docs/examples/mistakes", "docs/examples/records" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(Snapshot.RepositoryRoot, folder), "*.json"))
            {
                var relative = $"{folder}/{Path.GetFileName(file)}";
                if (relative.EndsWith(".course.json", StringComparison.Ordinal) || relative.EndsWith(".validate.json", StringComparison.Ordinal))
                {
                    Assert.Contains(relative, expected);
                }
            }
        }
    }

    /// <summary>Runs the tool on repository-relative paths and reports them relative, as if run from the repository root.</summary>
    internal static (int ExitCode, string Output, string Error) RunInRepository(params string[] args)
    {
        var root = Snapshot.RepositoryRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var absolute = args.Select(a => a.StartsWith("docs/", StringComparison.Ordinal) ? root + a.Replace('/', Path.DirectorySeparatorChar) : a).ToArray();
        var (code, output, error) = CliRunner.Run(absolute);
        var prefix = root.Replace('\\', '/');
        return (code, output.Replace(root, string.Empty, StringComparison.Ordinal).Replace(prefix, string.Empty, StringComparison.Ordinal), error.Replace(root, string.Empty, StringComparison.Ordinal));
    }
}

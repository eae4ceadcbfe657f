using System.Text;

namespace Ipt.Protocol.Tests.Snapshots;

/// <summary>
/// Compares generated text with a checked-in file (a "verified" snapshot). On a mismatch it writes
/// the actual text to a <c>.received.</c> file beside the verified one and fails, so the difference can
/// be inspected and, when right, accepted by moving the received file over the verified one (or by
/// running the tests with IPT_ACCEPT_SNAPSHOTS=1, which writes verified files instead of failing).
/// Line ends are compared as <c>\n</c>.
/// </summary>
internal static class Snapshot
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>Gets the repository root (the folder holding Ipt.Protocol.sln).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>Matches text with <c>tests/Ipt.Protocol.Tests/Snapshots/{name}.verified.{extension}</c>.</summary>
    public static void Verify(string name, string actual, string extension = "txt") =>
        MatchFile(Path.Combine("tests", "Ipt.Protocol.Tests", "Snapshots", $"{name}.verified.{extension}"), actual);

    /// <summary>
    /// Matches text with a checked-in file given relative to the repository root (for example
    /// <c>docs/schema/course.schema.json</c>); on mismatch writes <c>course.schema.received.json</c> beside it.
    /// </summary>
    public static void MatchFile(string relativePath, string actual)
    {
        var path = Path.Combine(RepositoryRoot, relativePath);
        var received = ReceivedPath(path);
        var normalized = actual.ReplaceLineEndings("\n");
        var expected = File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n") : null;
        if (expected == normalized)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable("IPT_ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, normalized, new UTF8Encoding(false));
        Assert.Fail(expected is null
            ? $"{relativePath} does not exist; the actual text is in {Path.GetFileName(received)}. Check it and rename it to accept."
            : $"{relativePath} differs from the actual text ({FirstDifference(expected, normalized)}); the actual text is in {Path.GetFileName(received)}.");
    }

    /// <summary>The received-file path: <c>name.verified.ext</c> → <c>name.received.ext</c>, <c>name.ext</c> → <c>name.received.ext</c>.</summary>
    public static string ReceivedPath(string verifiedPath)
    {
        var directory = Path.GetDirectoryName(verifiedPath)!;
        var file = Path.GetFileName(verifiedPath);
        if (file.Contains(".verified.", StringComparison.Ordinal))
        {
            return Path.Combine(directory, file.Replace(".verified.", ".received.", StringComparison.Ordinal));
        }

        var extension = Path.GetExtension(file);
        return Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(file)}.received{extension}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "<end>";
            var y = i < b.Length ? b[i] : "<end>";
            if (x != y)
            {
                return $"first difference at line {i + 1}: expected `{x}`, actual `{y}`";
            }
        }

        return "same lines";
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ipt.Protocol.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Ipt.Protocol.sln) was not found above the test folder.");
    }
}

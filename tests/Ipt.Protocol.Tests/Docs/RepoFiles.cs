namespace Ipt.Protocol.Tests.Docs;

/// <summary>Finds files of the repository from the test's output folder, and compares generated text with checked-in files.</summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ipt.Protocol.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Ipt.Protocol.sln) was not found above the test output folder.");
    });

    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative)).ReplaceLineEndings("\n");

    /// <summary>
    /// Asserts that a checked-in file holds exactly <paramref name="expected"/>. On a mismatch the
    /// expected text is written beside it as <c>NAME.received.EXT</c> (ignored by git) so the difference
    /// can be read, and copied over the file when the change is deliberate.
    /// </summary>
    public static void AssertMatches(string relative, string expected)
    {
        var path = PathOf(relative);
        var received = Path.Combine(Path.GetDirectoryName(path)!, $"{Path.GetFileNameWithoutExtension(path)}.received{Path.GetExtension(path)}");
        var actual = File.Exists(path) ? Read(relative) : null;
        if (actual == expected)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, expected);
        Assert.Fail($"{relative} disagrees with the code. The generated text was written to {Path.GetFileName(received)}; review it and copy it over {Path.GetFileName(path)} if the change is deliberate.");
    }
}

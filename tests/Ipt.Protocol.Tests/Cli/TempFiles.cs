using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Tests.Cli;

/// <summary>A temporary folder for the files a CLI test reads and writes; deleted on dispose.</summary>
internal sealed class TempFiles : IDisposable
{
    public TempFiles() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ipt-cli-tests", Guid.NewGuid().ToString("N"));

    public string Course(string name, Course course) => Text(name, CourseJson.Default.WriteToString(course) + "\n");

    public string Text(string name, string text)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}

using Ipt.Protocol.Cli;

namespace Ipt.Protocol.Tests.Cli;

/// <summary>Runs the ipt tool in-process and captures what it writes.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = IptCli.Run(args, output, error);
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }
}

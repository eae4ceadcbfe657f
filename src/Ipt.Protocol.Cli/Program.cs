using Ipt.Protocol.Cli;

return IptCli.Run(args, Console.Out, Console.Error);

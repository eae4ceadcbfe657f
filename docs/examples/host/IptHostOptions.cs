using Ipt.Protocol.DependencyInjection;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Serialization;
using Microsoft.Extensions.Options;

namespace Ipt.Protocol.Host;

/// <summary>The host's settings for Ipt.Protocol, bound from the configuration section <c>Ipt</c>.</summary>
public sealed class IptHostOptions
{
    /// <summary>The configuration section: <c>Ipt</c>.</summary>
    public const string Section = "Ipt";

    /// <summary>Gets the contributor technique catalogue files, composed in order over the built-in catalogue; relative paths are relative to the content root.</summary>
    public List<string> CatalogueFiles { get; } = [];

    /// <summary>Gets the severity overrides by rule id, such as <c>"IPT0602": "Warning"</c>.</summary>
    public Dictionary<string, DiagnosticSeverity> Severities { get; } = [];

    /// <summary>Gets the ids of rules that do not run.</summary>
    public List<string> DisabledRules { get; } = [];

    /// <summary>Gets or sets the largest course document accepted, in bytes (default 1 MiB).</summary>
    public int MaxDocumentBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Gets or sets where this service mirrors <c>docs/rules/</c>, for the built-in rules' help links;
    /// <see langword="null"/> keeps the library's absolute links (<see cref="Ipt.Protocol.Rules.DiagnosticDescriptor.DefaultHelpBase"/>).
    /// </summary>
    public Uri? HelpBase { get; set; }

    /// <summary>Gives the settings to the <c>AddIptProtocol</c> builder.</summary>
    /// <param name="ipt">The builder.</param>
    /// <param name="contentRoot">The folder relative catalogue paths start from.</param>
    internal void ApplyTo(IptProtocolBuilder ipt, string contentRoot)
    {
        foreach (var file in CatalogueFiles)
        {
            ipt.AddCatalogueFile(Path.Combine(contentRoot, file));
        }

        foreach (var (id, severity) in Severities)
        {
            ipt.WithSeverity(id, severity);
        }

        foreach (var id in DisabledRules)
        {
            ipt.Disable(id);
        }

        ipt.WithJsonLimits(new IptJsonLimits { MaxDocumentBytes = MaxDocumentBytes });
    }
}

/// <summary>
/// Checks the settings when the host starts (<c>ValidateOnStart</c>): catalogue files that do not
/// exist, malformed rule ids and a bad size limit fail the start with every problem listed. Whether
/// the ids name rules and the catalogues compose is checked by <see cref="IptStartupCheck"/>.
/// </summary>
/// <param name="environment">Gives the content root.</param>
internal sealed class IptHostOptionsValidation(IHostEnvironment environment) : IValidateOptions<IptHostOptions>
{
    public ValidateOptionsResult Validate(string? name, IptHostOptions options)
    {
        var failures = new List<string>();
        foreach (var file in options.CatalogueFiles)
        {
            if (!File.Exists(Path.Combine(environment.ContentRootPath, file)))
            {
                failures.Add($"Ipt:CatalogueFiles: the catalogue file '{file}' does not exist.");
            }
        }

        foreach (var id in options.Severities.Keys.Concat(options.DisabledRules))
        {
            if (!DiagnosticDescriptor.IsValidId(id))
            {
                failures.Add($"Ipt: '{id}' is not a rule id (upper-case letters and four digits, such as IPT0602).");
            }
        }

        if (options.MaxDocumentBytes < 1 || options.MaxDocumentBytes > IptJsonLimits.MaxAllowedDocumentBytes)
        {
            failures.Add($"Ipt:MaxDocumentBytes must be between 1 and {IptJsonLimits.MaxAllowedDocumentBytes}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// Builds the validator and the reader while the host starts, so that a catalogue that cannot be read
/// or composed, or a severity override or disable that names no rule, fails the start rather than the
/// first request.
/// </summary>
/// <param name="services">The application's services.</param>
internal sealed class IptStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<CourseValidator>();
        _ = services.GetRequiredService<CourseJson>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

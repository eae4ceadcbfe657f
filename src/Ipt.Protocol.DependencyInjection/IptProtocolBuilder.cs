using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Ipt.Protocol.DependencyInjection;

/// <summary>
/// Configures what <see cref="IptProtocolServiceCollectionExtensions.AddIptProtocol"/> registers:
/// host protocol variants, host instruments, host rules, severity overrides, disabled rules,
/// contributor technique catalogues, JSON limits and migrations. Every method returns the builder, so calls chain.
/// </summary>
/// <remarks>
/// Several calls to <c>AddIptProtocol</c> share one configuration: what each call adds is kept, in
/// call order. The configuration is read once, when the first service is resolved; what
/// <see cref="Configure"/> adds (from options or other services) is applied then.
/// </remarks>
public sealed class IptProtocolBuilder
{
    internal IptProtocolBuilder(IServiceCollection services, IptProtocolConfiguration configuration)
    {
        Services = services;
        Configuration = configuration;
    }

    /// <summary>Gets the service collection being configured.</summary>
    public IServiceCollection Services { get; }

    internal IptProtocolConfiguration Configuration { get; }

    /// <summary>Adds a host-defined protocol variant to the registry.</summary>
    /// <param name="definition">The definition; its id must not be registered yet.</param>
    /// <returns>The builder.</returns>
    public IptProtocolBuilder AddProtocol(ProtocolDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Configuration.Protocols.Add((definition, Replace: false));
        return this;
    }

    /// <summary>
    /// Sets a protocol variant: replaces the one with the same id (for example a built-in one with the
    /// host's parameters) or adds it, as <see cref="ProtocolRegistry.SetItem"/> does.
    /// </summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The builder.</returns>
    public IptProtocolBuilder SetProtocol(ProtocolDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Configuration.Protocols.Add((definition, Replace: true));
        return this;
    }

    /// <summary>
    /// Adds a host instrument, known to the rules (a measurement of an unknown instrument is
    /// reported, IPT0706), the technique advisor and the outcomes, as <see cref="InstrumentRegistry.Add"/> does.
    /// </summary>
    /// <param name="instrument">The instrument; its id must not be registered yet.</param>
    /// <returns>The builder.</returns>
    public IptProtocolBuilder AddInstrument(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Configuration.Instruments.Add((instrument, Replace: false));
        return this;
    }

    /// <summary>Sets an instrument: replaces the one with the same id or adds it, as <see cref="InstrumentRegistry.SetItem"/> does.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <returns>The builder.</returns>
    public IptProtocolBuilder SetInstrument(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Configuration.Instruments.Add((instrument, Replace: true));
        return this;
    }

    /// <summary>Adds a host rule, run after the built-in rules for every variant it applies to.</summary>
    /// <param name="rule">The rule (a stateless singleton).</param>
    /// <returns>The builder.</returns>
    public IptProtocolBuilder AddRule(CourseRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Configuration.Rules.Add(rule);
        return this;
    }

    /// <summary>Overrides the severity of a rule id.</summary>
    /// <param name="id">The rule id, such as <c>IPT0602</c>.</param>
    /// <param name="severity">The severity to report it with.</param>
    /// <returns>The builder.</returns>
    public IptProtocolBuilder WithSeverity(string id, DiagnosticSeverity severity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Configuration.Severities.Add((id, severity));
        return this;
    }

    /// <summary>Switches a rule off.</summary>
    /// <param name="id">The rule id, such as <c>IPT0308</c>.</param>
    /// <returns>The builder.</returns>
    public IptProtocolBuilder Disable(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Configuration.DisabledRules.Add(id);
        return this;
    }

    /// <summary>Adds a contributor technique catalogue file, composed over the built-in catalogue in the order added.</summary>
    /// <param name="path">The file's path; it is read when the catalogue is first resolved.</param>
    /// <returns>The builder.</returns>
    public IptProtocolBuilder AddCatalogueFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Configuration.Catalogues.Add(() => new CatalogueJson(Configuration.JsonLimits).TryReadFile(path));
        return this;
    }

    /// <summary>Adds a contributor technique catalogue from a stream, composed in the order added. The stream is read now, to its end; it is not disposed.</summary>
    /// <param name="utf8Json">The catalogue document, UTF-8 JSON.</param>
    /// <param name="source">A name for the catalogue in error messages, such as its file name.</param>
    /// <returns>The builder.</returns>
    public IptProtocolBuilder AddCatalogue(Stream utf8Json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        var bytes = buffer.ToArray();
        Configuration.Catalogues.Add(() => new CatalogueJson(Configuration.JsonLimits).TryRead(bytes, source));
        return this;
    }

    /// <summary>Sets the limits applied when course documents are read.</summary>
    /// <param name="limits">The limits.</param>
    /// <returns>The builder.</returns>
    public IptProtocolBuilder WithJsonLimits(IptJsonLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Configuration.JsonLimits = limits;
        return this;
    }

    /// <summary>
    /// Configures the builder later, when the first of the services is resolved, with the service
    /// provider: for settings bound from configuration (<c>IOptions&lt;T&gt;</c>) or held by other
    /// services. Every call to the builder made in <paramref name="configure"/> applies as if made at
    /// registration, and the rule ids it configures are checked then (an unknown id throws
    /// <see cref="InvalidOperationException"/> from that first resolution).
    /// </summary>
    /// <param name="configure">Calls the builder's methods; runs once, on the thread of the first resolution. Do not register services in it: the provider is already built.</param>
    /// <returns>The builder.</returns>
    public IptProtocolBuilder Configure(Action<IptProtocolBuilder, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Configuration.Deferred.Add(configure);
        return this;
    }

    /// <summary>Adds a migration step for course documents of an older schema version.</summary>
    /// <param name="migration">The migration step.</param>
    /// <returns>The builder.</returns>
    public IptProtocolBuilder AddMigration(CourseMigration migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        Configuration.Migrations.Add(migration);
        return this;
    }
}

/// <summary>What the builder collected; shared by every <c>AddIptProtocol</c> call on one service collection.</summary>
internal sealed class IptProtocolConfiguration
{
    public List<(ProtocolDefinition Definition, bool Replace)> Protocols { get; } = [];

    public List<(Instrument Instrument, bool Replace)> Instruments { get; } = [];

    public List<CourseRule> Rules { get; } = [];

    public List<(string Id, DiagnosticSeverity Severity)> Severities { get; } = [];

    public List<string> DisabledRules { get; } = [];

    public List<Func<ReadResult<CatalogueFile>>> Catalogues { get; } = [];

    public List<CourseMigration> Migrations { get; } = [];

    public IptJsonLimits JsonLimits { get; set; } = IptJsonLimits.Default;

    public List<Action<IptProtocolBuilder, IServiceProvider>> Deferred { get; } = [];

    public IServiceCollection? Services { get; set; }

    // One complete configuration per service provider: the deferred steps read that provider's services.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IServiceProvider, IptProtocolConfiguration> complete = [];

    private readonly Lock gate = new();

    /// <summary>Returns the configuration with the deferred steps (<see cref="IptProtocolBuilder.Configure"/>) applied for a provider, once per provider.</summary>
    public IptProtocolConfiguration Ready(IServiceProvider provider)
    {
        if (Deferred.Count == 0)
        {
            return this;
        }

        lock (gate)
        {
            if (!complete.TryGetValue(provider, out var ready))
            {
                ready = Apply(provider);
                complete.Add(provider, ready);
            }

            return ready;
        }
    }

    private IptProtocolConfiguration Apply(IServiceProvider provider)
    {
        var copy = new IptProtocolConfiguration { Services = Services, JsonLimits = JsonLimits };
        copy.Protocols.AddRange(Protocols);
        copy.Instruments.AddRange(Instruments);
        copy.Rules.AddRange(Rules);
        copy.Severities.AddRange(Severities);
        copy.DisabledRules.AddRange(DisabledRules);
        copy.Catalogues.AddRange(Catalogues);
        copy.Migrations.AddRange(Migrations);
        copy.Deferred.AddRange(Deferred);
        var builder = new IptProtocolBuilder(Services!, copy);
        for (var i = 0; i < copy.Deferred.Count; i++)
        {
            copy.Deferred[i](builder, provider);
        }

        copy.Deferred.Clear();
        IptProtocolServiceCollectionExtensions.CheckRuleIds(copy);
        return copy;
    }
}

using System.Text.Json;
using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Techniques;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ipt.Protocol.DependencyInjection;

/// <summary>Registers Ipt.Protocol's services with a <see cref="IServiceCollection"/>.</summary>
public static class IptProtocolServiceCollectionExtensions
{
    /// <summary>The service key of the <see cref="JsonSerializerOptions"/> registered for course documents (<see cref="CourseJson.CreateSerializerOptions"/>).</summary>
    public const string JsonOptionsKey = "Ipt.Protocol";

    /// <summary>
    /// Registers, as singletons and with <c>TryAdd*</c> (so that a host's own registration of any
    /// of them wins): <see cref="ProtocolRegistry"/>, <see cref="InstrumentRegistry"/>, <see cref="TechniqueCatalogue"/>,
    /// <see cref="ValidatorOptions"/>, <see cref="CourseValidator"/>, <see cref="TechniqueAdvisor"/>,
    /// <see cref="OutcomeOptions"/>, <see cref="OutcomeCalculator"/>,
    /// <see cref="IptJsonLimits"/>, <see cref="CourseJson"/> (with those limits and the migrations) and the course documents'
    /// <see cref="JsonSerializerOptions"/> (keyed <see cref="JsonOptionsKey"/>). No assembly is scanned.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds host variants, instruments, rules, severity overrides, catalogues, limits and migrations.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="InvalidOperationException">
    /// A severity override or a disabled rule names an id that is neither built in nor a host rule
    /// added so far (in this call or an earlier one), or names one of the engine's own ids: checked
    /// here, at registration, so a typo in configuration fails at start-up.
    /// </exception>
    /// <remarks>
    /// A contributor catalogue that cannot be read or composed makes the first resolution of the
    /// catalogue (and of what depends on it) throw an <see cref="InvalidOperationException"/> that lists
    /// every problem with its path and line: a bad catalogue is a configuration error, found at startup.
    /// </remarks>
    public static IServiceCollection AddIptProtocol(this IServiceCollection services, Action<IptProtocolBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var configuration = FindConfiguration(services);
        if (configuration is null)
        {
            configuration = new IptProtocolConfiguration { Services = services };
            services.AddSingleton(configuration);
        }

        configure?.Invoke(new IptProtocolBuilder(services, configuration));
        CheckRuleIds(configuration);

        services.TryAddSingleton(sp => BuildRegistry(configuration.Ready(sp)));
        services.TryAddSingleton(sp => BuildInstruments(configuration.Ready(sp)));
        services.TryAddSingleton(sp => BuildCatalogue(configuration.Ready(sp)));
        services.TryAddSingleton(sp => BuildValidatorOptions(
            configuration.Ready(sp), sp.GetRequiredService<ProtocolRegistry>(), sp.GetRequiredService<InstrumentRegistry>(), sp.GetRequiredService<TechniqueCatalogue>()));
        services.TryAddSingleton(sp => new CourseValidator(sp.GetRequiredService<ValidatorOptions>()));
        services.TryAddSingleton(sp => new TechniqueAdvisor(sp.GetRequiredService<TechniqueCatalogue>(), sp.GetRequiredService<ProtocolRegistry>(), sp.GetRequiredService<InstrumentRegistry>()));
        services.TryAddSingleton(sp => new OutcomeOptions { Protocols = sp.GetRequiredService<ProtocolRegistry>(), Instruments = sp.GetRequiredService<InstrumentRegistry>() });
        services.TryAddSingleton(sp => new OutcomeCalculator(sp.GetRequiredService<OutcomeOptions>()));
        services.TryAddSingleton(sp => configuration.Ready(sp).JsonLimits);
        services.TryAddSingleton(sp => new CourseJson(sp.GetRequiredService<IptJsonLimits>(), configuration.Ready(sp).Migrations));
        services.TryAddKeyedSingleton(JsonOptionsKey, (sp, _) => sp.GetRequiredService<CourseJson>().CreateSerializerOptions());
        return services;
    }

    internal static void CheckRuleIds(IptProtocolConfiguration configuration)
    {
        if (configuration.Severities.Count == 0 && configuration.DisabledRules.Count == 0)
        {
            return;
        }

        try
        {
            // The validator's constructor checks every id; the catalogue does not matter for that, so it is not read here.
            _ = new CourseValidator(BuildValidatorOptions(configuration, ProtocolRegistry.BuiltIn, InstrumentRegistry.BuiltIn, TechniqueCatalogue.Empty));
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException("AddIptProtocol: " + e.Message, e);
        }
    }

    private static IptProtocolConfiguration? FindConfiguration(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(IptProtocolConfiguration) && !descriptor.IsKeyedService
                && descriptor.ImplementationInstance is IptProtocolConfiguration existing)
            {
                return existing;
            }
        }

        return null;
    }

    private static ProtocolRegistry BuildRegistry(IptProtocolConfiguration configuration)
    {
        var registry = ProtocolRegistry.BuiltIn;
        foreach (var (definition, replace) in configuration.Protocols)
        {
            registry = replace ? registry.SetItem(definition) : registry.Add(definition);
        }

        return registry;
    }

    private static InstrumentRegistry BuildInstruments(IptProtocolConfiguration configuration)
    {
        var registry = InstrumentRegistry.BuiltIn;
        foreach (var (instrument, replace) in configuration.Instruments)
        {
            registry = replace ? registry.SetItem(instrument) : registry.Add(instrument);
        }

        return registry;
    }

    private static TechniqueCatalogue BuildCatalogue(IptProtocolConfiguration configuration)
    {
        if (configuration.Catalogues.Count == 0)
        {
            return TechniqueCatalogue.BuiltIn;
        }

        var files = new List<CatalogueFile>(configuration.Catalogues.Count);
        var errors = new List<DocumentError>();
        foreach (var read in configuration.Catalogues)
        {
            var result = read();
            if (result.TryGetValue(out var file))
            {
                files.Add(file);
            }
            else
            {
                errors.AddRange(result.Errors);
            }
        }

        if (errors.Count == 0)
        {
            var composed = CatalogueComposer.Compose(TechniqueCatalogue.BuiltIn, files);
            if (composed.TryGetValue(out var catalogue))
            {
                return catalogue;
            }

            errors.AddRange(composed.Errors);
        }

        throw new InvalidOperationException(
            $"The technique catalogues registered with AddIptProtocol could not be composed: {string.Join("; ", errors)}");
    }

    private static ValidatorOptions BuildValidatorOptions(IptProtocolConfiguration configuration, ProtocolRegistry registry, InstrumentRegistry instruments, TechniqueCatalogue catalogue)
    {
        var options = new ValidatorOptions { Protocols = registry, Instruments = instruments, Techniques = catalogue };
        foreach (var rule in configuration.Rules)
        {
            options = options.AddRule(rule);
        }

        foreach (var (id, severity) in configuration.Severities)
        {
            options = options.WithSeverity(id, severity);
        }

        foreach (var id in configuration.DisabledRules)
        {
            options = options.Disable(id);
        }

        return options;
    }
}

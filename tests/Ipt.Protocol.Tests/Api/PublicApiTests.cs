using System.Reflection;
using System.Text;

using Ipt.Protocol.Tests.Snapshots;

namespace Ipt.Protocol.Tests.Api;

/// <summary>
/// The public API of each library is tracked in a checked-in text file: any change to it shows up as
/// a failing test and a diff to review, so a new, changed or removed public member is always deliberate.
/// To accept a change, copy PublicAPI.received.txt over PublicAPI.txt (or run the tests with IPT_ACCEPT_SNAPSHOTS=1).
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void The_core_public_api_matches_the_tracked_file() =>
        Snapshot.MatchFile("src/Ipt.Protocol/PublicAPI.txt", Describe(typeof(Course).Assembly));

    [Fact]
    public void The_dependency_injection_public_api_matches_the_tracked_file() =>
        Snapshot.MatchFile(
            "src/Ipt.Protocol.DependencyInjection/PublicAPI.txt",
            Describe(Assembly.Load("Ipt.Protocol.DependencyInjection")));

    [Fact]
    public void The_fhir_public_api_matches_the_tracked_file() =>
        Snapshot.MatchFile("src/Ipt.Protocol.Fhir/PublicAPI.txt", Describe(Assembly.Load("Ipt.Protocol.Fhir")));

    private static readonly NullabilityInfoContext Nullability = new();

    internal static string Describe(Assembly assembly)
    {
        var sb = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            sb.Append(Kind(type)).Append(' ').Append(Name(type));
            if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
            {
                sb.Append(" : ").Append(Name(baseType));
            }

            sb.Append('\n');
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(flags)
                .Where(m => !m.Name.Contains('<', StringComparison.Ordinal))
                .Where(m => m is not MethodInfo { IsSpecialName: true } method || method.Name.StartsWith("op_", StringComparison.Ordinal))
                .Select(Member)
                .Where(m => m is not null)
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                sb.Append("  ").Append(member).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Kind(Type type) => type switch
    {
        { IsEnum: true } => "enum",
        { IsInterface: true } => "interface",
        { IsValueType: true } => "struct",
        { IsAbstract: true, IsSealed: true } => "static class",
        { IsAbstract: true } => "abstract class",
        _ when type.GetMethod("<Clone>$") is not null => "record",
        { IsSealed: true } => "sealed class",
        _ => "class",
    };

    private static string? Member(MemberInfo member) => member switch
    {
        FieldInfo { DeclaringType.IsEnum: true } field when field.IsStatic => $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}",
        FieldInfo { DeclaringType.IsEnum: true } => null,
        FieldInfo field => $"{(field.IsLiteral ? "const " : field.IsStatic ? "static " : string.Empty)}{(field.IsInitOnly ? "readonly " : string.Empty)}{Name(field.FieldType)} {field.Name}",
        PropertyInfo property => $"{(property.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(property.PropertyType)}{Mark(Nullability.Create(property))} {property.Name} {{ {Accessors(property)}}}",
        ConstructorInfo ctor => $"ctor({Parameters(ctor)})",
        MethodInfo method => $"{(method.IsStatic ? "static " : string.Empty)}{Name(method.ReturnType)}{Mark(Nullability.Create(method.ReturnParameter))} {method.Name}{Generic(method)}({Parameters(method)})",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        Type nested => $"nested {Name(nested)}",
        _ => member.ToString(),
    };

    private static string Mark(NullabilityInfo info) =>
        !info.Type.IsValueType && (info.ReadState == NullabilityState.Nullable || info.WriteState == NullabilityState.Nullable) ? "?" : string.Empty;

    private static string Accessors(PropertyInfo property)
    {
        var sb = new StringBuilder();
        if (property.GetMethod is { IsPublic: true })
        {
            sb.Append("get; ");
        }

        if (property.SetMethod is { IsPublic: true } setter)
        {
            var isInit = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");
            sb.Append(isInit ? "init; " : "set; ");
        }

        return sb.ToString();
    }

    private static string Generic(MethodInfo method) =>
        method.IsGenericMethodDefinition ? $"<{string.Join(", ", method.GetGenericArguments().Select(a => a.Name))}>" : string.Empty;

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p =>
            $"{(p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : string.Empty)}{Name(p.ParameterType)}{Mark(Nullability.Create(p))} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)}"));

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        var name = type.IsNested ? $"{Name(type.DeclaringType!)}.{type.Name}" : $"{type.Namespace}.{type.Name}";
        if (type.IsGenericType && name.Contains('`', StringComparison.Ordinal))
        {
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            name = $"{name[..tick]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
        }

        return name;
    }
}

namespace Ipt.Protocol.Serialization;

/// <summary>The camelCase JSON names of an enum's values (<c>roleDispute</c>, <c>preTreatment</c>), without reflection over members.</summary>
/// <typeparam name="T">The enum type.</typeparam>
internal static class CatalogueEnumNames<T>
    where T : struct, Enum
{
    private static readonly T[] Values = Enum.GetValues<T>();
    private static readonly string[] Names = Array.ConvertAll(Values, static v => Camel(v.ToString()));

    /// <summary>Gets every name, comma separated, for messages.</summary>
    public static string List { get; } = string.Join(", ", Names);

    public static bool TryParse(string? name, out T value)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                value = Values[i];
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string NameOf(T value)
    {
        var i = Array.IndexOf(Values, value);
        return i >= 0 ? Names[i] : Camel(value.ToString());
    }

    private static string Camel(string name) =>
        name.Length == 0 ? name : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
}

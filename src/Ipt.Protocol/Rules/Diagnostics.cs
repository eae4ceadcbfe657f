using System.Globalization;
using System.Text;
using NodaTime;

namespace Ipt.Protocol.Rules;

/// <summary>How serious a finding is. Only <see cref="Error"/> makes a course invalid.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; no action required.</summary>
    Info,

    /// <summary>A departure from the protocol that the therapist should look at; the course stays valid.</summary>
    Warning,

    /// <summary>A departure that makes the course invalid under its protocol.</summary>
    Error,
}

/// <summary>
/// The built-in categories of rules (a descriptor's <see cref="DiagnosticDescriptor.Category"/> holds
/// the camelCase name; a host rule may name a category of its own). Each owns a range of ids: engine <c>IPT00xx</c>, structure
/// <c>IPT01xx</c>, phases <c>IPT02xx</c>, initial tasks <c>IPT03xx</c>, focus <c>IPT04xx</c>,
/// techniques <c>IPT05xx</c>, termination <c>IPT06xx</c>, measures and safety <c>IPT07xx</c>,
/// variant-specific <c>IPT08xx</c>. Host rules should use their own prefix.
/// </summary>
public enum RuleCategory
{
    /// <summary>The engine itself: unknown protocols, failing rules (<c>IPT00xx</c>).</summary>
    Engine,

    /// <summary>Session count, numbering, dates, cadence, lengths and the contract (<c>IPT01xx</c>).</summary>
    Structure,

    /// <summary>Phase order and phase lengths (<c>IPT02xx</c>).</summary>
    Phases,

    /// <summary>Tasks of the initial phase (<c>IPT03xx</c>).</summary>
    InitialTasks,

    /// <summary>The chosen problem areas (<c>IPT04xx</c>).</summary>
    Focus,

    /// <summary>Techniques recorded in sessions (<c>IPT05xx</c>).</summary>
    Techniques,

    /// <summary>Ending and the termination phase (<c>IPT06xx</c>).</summary>
    Termination,

    /// <summary>Scored measures and safety items (<c>IPT07xx</c>).</summary>
    MeasuresAndSafety,

    /// <summary>Checks that only some variants use (<c>IPT08xx</c>).</summary>
    VariantSpecific,
}

/// <summary>
/// The static description of one check: a stable id, a title, a message template with named
/// placeholders such as <c>{session}</c>, a category, a default severity, a help link derived from
/// the id, and the source the check rests on.
/// </summary>
/// <remarks>
/// <para>Ids are an upper-case prefix followed by four digits. Built-in ids use the prefix
/// <c>IPT</c> and are never reused: a removed rule keeps its id retired. Host rules should use a
/// prefix of their own.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record DiagnosticDescriptor
{
    /// <summary>The folder, relative to the repository root, that holds one page per built-in rule.</summary>
    public const string HelpFolder = "docs/rules/";

    /// <summary>
    /// The base of the built-in rules' help links: the rule pages in the project's repository
    /// (<c>https://github.com/ipt-protocol/Ipt.Protocol/blob/main/docs/rules/</c>). A host that serves
    /// the pages elsewhere sets <see cref="HelpLink"/> (<c>descriptor with { HelpLink = … }</c>), and
    /// the <c>ipt</c> tool takes <c>--help-base</c>.
    /// </summary>
    public const string DefaultHelpBase = "https://github.com/ipt-protocol/Ipt.Protocol/blob/main/" + HelpFolder;

    /// <summary>Creates a descriptor of a built-in category.</summary>
    /// <param name="id">The stable id, such as <c>IPT0101</c>.</param>
    /// <param name="title">A short title.</param>
    /// <param name="messageFormat">The message template; placeholders are <c>{name}</c>.</param>
    /// <param name="category">The category; <see cref="Category"/> holds its camelCase name (<c>initialTasks</c>).</param>
    /// <param name="defaultSeverity">The severity unless a host overrides it.</param>
    /// <param name="citation">The source the check rests on.</param>
    /// <exception cref="ArgumentException">The id is malformed, or a text is blank.</exception>
    public DiagnosticDescriptor(string id, string title, string messageFormat, RuleCategory category, DiagnosticSeverity defaultSeverity, Citation citation)
        : this(id, title, messageFormat, CategoryName(Guard.Defined(category, nameof(category))), defaultSeverity, Guard.NotNull(citation, nameof(citation)))
    {
    }

    /// <summary>Creates a descriptor of any category, such as a host rule's.</summary>
    /// <param name="id">The stable id: an upper-case prefix of the host's own and four digits, such as <c>CLINIC0001</c>.</param>
    /// <param name="title">A short title.</param>
    /// <param name="messageFormat">The message template; placeholders are <c>{name}</c>.</param>
    /// <param name="category">The category, an id of the host's choosing (see <see cref="IsValidCategory"/>), such as <c>audit</c>, or a built-in one such as <c>initialTasks</c>.</param>
    /// <param name="defaultSeverity">The severity unless a host overrides it.</param>
    /// <exception cref="ArgumentException">The id or the category is malformed, or a text is blank.</exception>
    public DiagnosticDescriptor(string id, string title, string messageFormat, string category, DiagnosticSeverity defaultSeverity)
        : this(id, title, messageFormat, category, defaultSeverity, null)
    {
    }

    /// <summary>Creates a descriptor of any category, such as a host rule's.</summary>
    /// <param name="id">The stable id: an upper-case prefix of the host's own and four digits, such as <c>CLINIC0001</c>.</param>
    /// <param name="title">A short title.</param>
    /// <param name="messageFormat">The message template; placeholders are <c>{name}</c>.</param>
    /// <param name="category">The category, an id of the host's choosing (see <see cref="IsValidCategory"/>), such as <c>audit</c>, or a built-in one such as <c>initialTasks</c>.</param>
    /// <param name="defaultSeverity">The severity unless a host overrides it.</param>
    /// <param name="citation">The source the check rests on, when there is one.</param>
    /// <exception cref="ArgumentException">The id or the category is malformed, or a text is blank.</exception>
    public DiagnosticDescriptor(string id, string title, string messageFormat, string category, DiagnosticSeverity defaultSeverity, Citation? citation)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException("A diagnostic id is 1 to 8 upper-case ASCII letters followed by four digits, such as IPT0101.", nameof(id));
        }

        if (!IsValidCategory(category))
        {
            throw new ArgumentException("A category is 1 to 40 ASCII letters, digits and hyphens that starts with a lower-case letter, such as audit or initialTasks.", nameof(category));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageFormat);
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = Guard.Defined(defaultSeverity, nameof(defaultSeverity));
        Citation = citation;
        HelpLink = HelpLinkFor(id);
        Placeholders = ParsePlaceholders(messageFormat);
    }

    /// <summary>Gets the stable id, such as <c>IPT0101</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the short title.</summary>
    public string Title { get; }

    /// <summary>Gets the message template with named placeholders such as <c>{session}</c>.</summary>
    public string MessageFormat { get; }

    /// <summary>Gets the category: the camelCase name of a built-in <see cref="RuleCategory"/> (<c>structure</c>, <c>initialTasks</c>, …) or a host's own id.</summary>
    public string Category { get; }

    /// <summary>Gets the severity used unless a host overrides it.</summary>
    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>Gets the source the check rests on; every built-in rule has one, a host rule may have none.</summary>
    public Citation? Citation { get; }

    /// <summary>Gets the help link, an absolute URL: <see cref="DefaultHelpBase"/> followed by <c>{Id}.md</c>. A host may set its own.</summary>
    public string HelpLink { get; init; }

    /// <summary>
    /// Gets a value indicating whether the descriptor reports a safety finding (a positive suicide item,
    /// a deterioration, a missing risk assessment). A host may still disable or demote it, but every
    /// report and every output of the tool then says so (<see cref="ValidationReport.SafetyChecksChanged"/>).
    /// </summary>
    public bool IsSafety { get; init; }

    /// <summary>
    /// Gets a value indicating whether a host may change the severity of the descriptor or disable it
    /// (true for every rule; false for the engine's own descriptors, such as an unknown protocol or a
    /// rule that failed, which must always be seen).
    /// </summary>
    public bool IsConfigurable { get; init; } = true;

    /// <summary>Gets the names of the placeholders in <see cref="MessageFormat"/>, in order of first appearance.</summary>
    public ValueList<string> Placeholders { get; }

    /// <summary>Returns the default help link of a rule id: <see cref="DefaultHelpBase"/> followed by <c>{id}.md</c>.</summary>
    /// <param name="id">The rule id.</param>
    /// <returns>The absolute link.</returns>
    public static string HelpLinkFor(string id) => DefaultHelpBase + id + ".md";

    /// <summary>Returns the category name of a built-in category, as <see cref="Category"/> holds it.</summary>
    /// <param name="category">The built-in category.</param>
    /// <returns>Its camelCase name, such as <c>initialTasks</c>.</returns>
    public static string CategoryName(RuleCategory category) => category switch
    {
        RuleCategory.Engine => "engine",
        RuleCategory.Structure => "structure",
        RuleCategory.Phases => "phases",
        RuleCategory.InitialTasks => "initialTasks",
        RuleCategory.Focus => "focus",
        RuleCategory.Techniques => "techniques",
        RuleCategory.Termination => "termination",
        RuleCategory.MeasuresAndSafety => "measuresAndSafety",
        RuleCategory.VariantSpecific => "variantSpecific",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not a built-in category."),
    };

    /// <summary>Returns whether <paramref name="category"/> is a well-formed category: 1 to 40 ASCII letters, digits and hyphens, starting with a lower-case letter (<c>audit</c>, <c>local-audit</c>, <c>initialTasks</c>).</summary>
    /// <param name="category">The candidate category.</param>
    /// <returns><see langword="true"/> when it is well formed.</returns>
    public static bool IsValidCategory([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? category) =>
        category is { Length: > 0 and <= 40 }
        && char.IsAsciiLetterLower(category[0])
        && !category.EndsWith('-')
        && !category.AsSpan().ContainsAnyExcept(CategoryChars);

    private static readonly System.Buffers.SearchValues<char> CategoryChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    /// <summary>Returns whether <paramref name="id"/> is a well-formed diagnostic id.</summary>
    /// <param name="id">The candidate id.</param>
    /// <returns><see langword="true"/> when it is 1 to 8 upper-case letters followed by four digits.</returns>
    public static bool IsValidId(string? id)
    {
        if (id is null || id.Length < 5 || id.Length > 12)
        {
            return false;
        }

        var prefix = id.Length - 4;
        for (var i = 0; i < id.Length; i++)
        {
            var ok = i < prefix ? char.IsAsciiLetterUpper(id[i]) : char.IsAsciiDigit(id[i]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Formats the message with arguments; a placeholder without an argument is left as written.</summary>
    /// <param name="arguments">The arguments, by name.</param>
    /// <returns>The message.</returns>
    public string Format(ReadOnlySpan<DiagnosticArgument> arguments)
    {
        var builder = new StringBuilder(MessageFormat.Length + 16);
        var text = MessageFormat.AsSpan();
        while (!text.IsEmpty)
        {
            var open = text.IndexOf('{');
            if (open < 0)
            {
                builder.Append(text);
                break;
            }

            var close = text[open..].IndexOf('}');
            if (close < 0)
            {
                builder.Append(text);
                break;
            }

            builder.Append(text[..open]);
            var name = text.Slice(open + 1, close - 1);
            var found = false;
            foreach (var argument in arguments)
            {
                if (name.SequenceEqual(argument.Name))
                {
                    builder.Append(argument.Value);
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                builder.Append(text.Slice(open, close + 1));
            }

            text = text[(open + close + 1)..];
        }

        return builder.ToString();
    }

    /// <summary>Describes the descriptor.</summary>
    /// <returns>A string such as <c>IPT0101: Session count outside the variant's range</c>.</returns>
    public override string ToString() => Id + ": " + Title;

    private static ValueList<string> ParsePlaceholders(string format)
    {
        var names = new List<string>();
        var at = 0;
        while (at < format.Length)
        {
            var open = format.IndexOf('{', at);
            if (open < 0)
            {
                break;
            }

            var close = format.IndexOf('}', open);
            if (close < 0)
            {
                break;
            }

            var name = format[(open + 1)..close];
            if (!names.Contains(name))
            {
                names.Add(name);
            }

            at = close + 1;
        }

        return ValueList.From(names);
    }
}

/// <summary>
/// A named argument of a diagnostic. Values are numbers, ids, dates, durations or enum names:
/// never labels or free text, so a diagnostic cannot carry patient data. The factories are the
/// only way to create one, which enforces it.
/// </summary>
public readonly record struct DiagnosticArgument
{
    private DiagnosticArgument(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Value = value;
    }

    /// <summary>Gets the placeholder name.</summary>
    public string Name { get; }

    /// <summary>Gets the value as text (invariant culture; enums in camelCase as in the JSON document).</summary>
    public string Value { get; }

    /// <summary>Creates a number argument.</summary>
    /// <param name="name">The placeholder name.</param>
    /// <param name="value">The number.</param>
    /// <returns>The argument.</returns>
    public static DiagnosticArgument From(string name, long value) => new(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates a number argument.</summary>
    /// <param name="name">The placeholder name.</param>
    /// <param name="value">The number.</param>
    /// <returns>The argument.</returns>
    public static DiagnosticArgument From(string name, int value) => new(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates a date argument (<c>YYYY-MM-DD</c>).</summary>
    /// <param name="name">The placeholder name.</param>
    /// <param name="value">The date.</param>
    /// <returns>The argument.</returns>
    public static DiagnosticArgument From(string name, LocalDate value) => new(name, value.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Creates a duration argument in whole minutes.</summary>
    /// <param name="name">The placeholder name.</param>
    /// <param name="value">The duration.</param>
    /// <returns>The argument.</returns>
    public static DiagnosticArgument From(string name, Duration value) => new(name, ((long)value.TotalMinutes).ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates a technique-id argument.</summary>
    /// <param name="name">The placeholder name.</param>
    /// <param name="value">The id.</param>
    /// <returns>The argument.</returns>
    public static DiagnosticArgument From(string name, TechniqueId value) => new(name, value.Value);

    /// <summary>Creates a protocol-id argument.</summary>
    /// <param name="name">The placeholder name.</param>
    /// <param name="value">The id.</param>
    /// <returns>The argument.</returns>
    public static DiagnosticArgument From(string name, ProtocolId value) => new(name, value.Value);

    /// <summary>Creates an instrument-id argument.</summary>
    /// <param name="name">The placeholder name.</param>
    /// <param name="value">The id.</param>
    /// <returns>The argument.</returns>
    public static DiagnosticArgument From(string name, InstrumentId value) => new(name, value.Value);

    /// <summary>Creates a person-id argument (an id such as <c>p1</c>, never a label).</summary>
    /// <param name="name">The placeholder name.</param>
    /// <param name="value">The id.</param>
    /// <returns>The argument.</returns>
    public static DiagnosticArgument From(string name, PersonId value) => new(name, value.Value);

    /// <summary>Creates an enum argument, written in camelCase as in the JSON document (<c>roleDispute</c>).</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="name">The placeholder name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The argument.</returns>
    public static DiagnosticArgument FromEnum<TEnum>(string name, TEnum value)
        where TEnum : struct, Enum
    {
        var text = value.ToString();
        return new(name, text.Length > 0 && char.IsAsciiLetterUpper(text[0]) ? string.Concat(char.ToLowerInvariant(text[0]).ToString(), text.AsSpan(1)) : text);
    }

    /// <summary>The engine's count of omitted findings by rule id, such as <c>IPT0704 × 449000</c> (ids and numbers only).</summary>
    internal static DiagnosticArgument Summary(string name, string idsAndCounts) => new(name, idsAndCounts);

    /// <summary>Creates a rule-id argument.</summary>
    /// <param name="name">The placeholder name.</param>
    /// <param name="ruleId">A well-formed diagnostic id.</param>
    /// <returns>The argument.</returns>
    /// <exception cref="ArgumentException">The id is malformed.</exception>
    public static DiagnosticArgument FromRuleId(string name, string ruleId) =>
        DiagnosticDescriptor.IsValidId(ruleId) ? new(name, ruleId) : throw new ArgumentException("Not a diagnostic id.", nameof(ruleId));

    /// <summary>Creates an argument from a fixed text of the library's own (a constant or a built-in band name), never from document content.</summary>
    /// <param name="name">The placeholder name.</param>
    /// <param name="libraryText">The text.</param>
    /// <returns>The argument.</returns>
    internal static DiagnosticArgument FromLibraryText(string name, string libraryText) => new(name, libraryText);
}

/// <summary>
/// One finding: the descriptor, the effective severity (after host overrides), the formatted
/// message, where in the course document it applies, and the arguments of the message.
/// </summary>
/// <remarks>Immutable and thread-safe. Messages never contain person labels or free text.</remarks>
public sealed record Diagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="descriptor">The descriptor.</param>
    /// <param name="severity">The effective severity.</param>
    /// <param name="path">Where the finding applies.</param>
    /// <param name="arguments">The message arguments.</param>
    internal Diagnostic(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, DocumentPath path, ValueList<DiagnosticArgument> arguments)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(path);
        Descriptor = descriptor;
        Severity = Guard.Defined(severity, nameof(severity));
        Path = path;
        Arguments = arguments;
        Message = descriptor.Format(arguments.AsSpan());
    }

    /// <summary>Gets the descriptor.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Gets the rule id (the descriptor's).</summary>
    public string Id => Descriptor.Id;

    /// <summary>Gets the effective severity.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>Gets the formatted message.</summary>
    public string Message { get; }

    /// <summary>Gets where in the course document the finding applies.</summary>
    public DocumentPath Path { get; }

    /// <summary>Gets the message arguments.</summary>
    public ValueList<DiagnosticArgument> Arguments { get; }

    /// <summary>Returns the value of a named argument.</summary>
    /// <param name="name">The argument name.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? Argument(string name)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Name == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>Describes the finding: severity, id, path and message.</summary>
    /// <returns>A string such as <c>error IPT0404 at $.formulation.areas[0].disputeStage: …</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{SeverityName(Severity)} {Id} at {Path}: {Message}");

    internal static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}

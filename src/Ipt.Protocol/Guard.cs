using System.Globalization;
using NodaTime;

namespace Ipt.Protocol;

/// <summary>
/// Checks of local invariants, shared by every model type. Messages name the parameter and the
/// broken rule, and never repeat free text (which may be patient data).
/// </summary>
internal static class Guard
{
    /// <summary>The longest free-text value the model accepts.</summary>
    internal const int MaxTextLength = 10_000;

    internal static int Positive(int value, string paramName)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be 1 or more.");
        }

        return value;
    }

    internal static int? Positive(int? value, string paramName) => value is { } v ? Positive(v, paramName) : null;

    internal static int NonNegative(int value, string paramName)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be 0 or more.");
        }

        return value;
    }

    internal static int InRange(int value, int min, int max, string paramName)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Create(CultureInfo.InvariantCulture, $"{paramName} must be between {min} and {max}."));
        }

        return value;
    }

    internal static int? InRange(int? value, int min, int max, string paramName) =>
        value is { } v ? InRange(v, min, max, paramName) : null;

    internal static T Defined<T>(T value, string paramName)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is not a defined {typeof(T).Name} value.");
        }

        return value;
    }

    internal static T? Defined<T>(T? value, string paramName)
        where T : struct, Enum => value is { } v ? Defined(v, paramName) : null;

    internal static ValueList<T> AllDefined<T>(ValueList<T> values, string paramName)
        where T : struct, Enum
    {
        foreach (var value in values)
        {
            Defined(value, paramName);
        }

        return values;
    }

    internal static ValueList<int> AllPositive(ValueList<int> values, string paramName)
    {
        foreach (var value in values)
        {
            Positive(value, paramName);
        }

        return values;
    }

    internal static Duration PositiveDuration(Duration value, string paramName)
    {
        if (value <= Duration.Zero || value > Duration.FromHours(24))
        {
            throw new ArgumentOutOfRangeException(paramName, $"{paramName} must be longer than zero and at most 24 hours.");
        }

        return value;
    }

    internal static Duration? PositiveDuration(Duration? value, string paramName) =>
        value is { } v ? PositiveDuration(v, paramName) : null;

    internal static Period? PositivePeriod(Period? value, string paramName)
    {
        if (value is null)
        {
            return null;
        }

        var normalized = value.Normalize();
        if (normalized.HasTimeComponent || normalized.Years < 0 || normalized.Months < 0 || normalized.Weeks < 0 || normalized.Days < 0
            || normalized.Equals(Period.Zero))
        {
            throw new ArgumentOutOfRangeException(paramName, $"{paramName} must be a positive whole number of days, weeks, months or years.");
        }

        return value;
    }

    /// <summary>Optional free text: <see langword="null"/> or 1 to <see cref="MaxTextLength"/> characters.</summary>
    internal static string? Text(string? value, string paramName)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length == 0 || value.Length > MaxTextLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName} must be between 1 and {MaxTextLength} characters when given."),
                paramName);
        }

        return value;
    }

    /// <summary>Required free text.</summary>
    internal static string RequiredText(string? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return Text(value, paramName)!;
    }

    internal static T NotNull<T>(T? value, string paramName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return value;
    }
}

namespace Ipt.Protocol.Rendering;

/// <summary>How people are marked in pictures.</summary>
public enum PersonMarker
{
    /// <summary>By their stable id (<c>p1</c>): the default, no patient data.</summary>
    Id,

    /// <summary>By the initials of their label (falls back to the id when there is no label).</summary>
    Initials,

    /// <summary>By their full label: patient data, only when the user asks for it.</summary>
    Label,
}

/// <summary>Options for the pictures that show people (<see cref="ClosenessCircleSvg"/>): how people are marked.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RenderOptions
{
    /// <summary>Gets the default options: people by id, no labels.</summary>
    public static RenderOptions Default { get; } = new();

    /// <summary>Gets how people are marked. Labels appear only with <see cref="PersonMarker.Label"/>.</summary>
    public PersonMarker People { get; init; } = PersonMarker.Id;
}

/// <summary>The colours of the phases, shared by every picture.</summary>
internal static class PhaseColours
{
    public static string Of(Phase phase) => phase switch
    {
        Phase.PreTreatment => "#9e9e9e",
        Phase.Initial => "#4e79a7",
        Phase.Middle => "#59a14f",
        Phase.Termination => "#e15759",
        _ => "#b07aa1",
    };

    public static string Name(Phase phase) => phase switch
    {
        Phase.PreTreatment => "pre-treatment",
        Phase.Initial => "initial",
        Phase.Middle => "middle",
        Phase.Termination => "termination",
        _ => "maintenance",
    };
}

namespace Marketplace.Domain.Common;

/// <summary>
/// An aggregate's states and every allowed move between them: the one table its guard reads and its tests
/// enumerate. A refused move is a conflict with the current state (409), worded by the aggregate's template,
/// e.g. "A deal in state {0} cannot be {1}." with the state and the verb ("signed") as its arguments.
/// </summary>
public sealed class Lifecycle<TState>(string refusal, IReadOnlyDictionary<TState, TState[]> moves) where TState : struct, Enum
{
    public IReadOnlyDictionary<TState, TState[]> Moves { get; } = moves;

    public bool CanMove(TState from, TState to) => Moves.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>Refuses the move unless the table allows it.</summary>
    public void EnsureCanMove(TState from, TState to, Text verb)
    {
        if (!CanMove(from, to)) throw Refused(from, verb);
    }

    /// <summary>Refuses an action that is no move (editing, paying) unless the current state is one of <paramref name="allowed"/>.</summary>
    public void EnsureIn(TState current, Text verb, params TState[] allowed)
    {
        if (!allowed.Contains(current)) throw Refused(current, verb);
    }

    public DomainRuleException Refused(TState current, Text verb) => new("status", new Text(refusal, current, verb), isConflict: true);
}

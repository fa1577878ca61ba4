namespace Superapps.Letters.Pages.Letter.Components;

/// <summary>What someone on the chain can do with a disposition node.</summary>
public enum NodeAction
{
    DisposeDown,
    Start,
    Complete,
    Cancel,
    Accept,
    Reopen,
}

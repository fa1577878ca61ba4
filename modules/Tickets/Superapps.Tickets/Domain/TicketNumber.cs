using System.Globalization;

namespace Superapps.Tickets.Domain;

/// <summary>A ticket's number: <c>TIK-{year}-{sequence:000000}</c>, e.g. <c>TIK-2026-000123</c>, from the city's yearly sequence.</summary>
public sealed record TicketNumber(int Year, int Sequence)
{
    public const string Prefix = "TIK";

    public string Text { get; } = Year is < 2000 or > 9999 || Sequence < 1
        ? throw new ArgumentOutOfRangeException(nameof(Sequence), "A ticket number needs a four-digit year and a positive sequence.")
        : string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year}-{Sequence:000000}");

    public override string ToString() => Text;
}

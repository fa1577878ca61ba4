using Microsoft.Extensions.DependencyInjection;

namespace Superapps.Adapters.LegacyLetters;

/// <summary>Registers the legacy letters adapter in a host.</summary>
public static class LegacyLettersModule
{
    /// <summary>
    /// The adapter <c>legacy-letters</c> with its options (<see cref="LegacyLettersOptions"/>, section
    /// <c>Superapps:Adapters:LegacyLetters</c>: off unless <c>Enabled</c>, nightly at 01.00 WIB by default). Needs the Letters
    /// module (<c>ILegacyLetterImport</c>) and the organisation directory.
    /// </summary>
    public static IServiceCollection AddLegacyLettersAdapter(this IServiceCollection services) =>
        services.AddLegacyAdapter<LegacyLettersAdapter, LegacyLettersOptions>(LegacyLettersAdapter.AdapterKey, LegacyLettersOptions.Section);
}

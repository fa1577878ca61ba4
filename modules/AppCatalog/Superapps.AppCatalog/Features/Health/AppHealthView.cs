namespace Superapps.AppCatalog.Features.Health;

/// <summary>An app's health as the pages show it (read by <see cref="Catalogue.CatalogueQueries.HealthAsync"/>).</summary>
public sealed record AppHealthView(Contracts.AppHealth Health, DateTimeOffset ChangedAt, DateTimeOffset CheckedAt);

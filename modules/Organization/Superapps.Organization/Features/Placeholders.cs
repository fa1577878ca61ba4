namespace Superapps.Organization.Features;

internal sealed class OrganizationQueries;

internal sealed class OrganizationCommands;

internal sealed class OrganizationImporter;

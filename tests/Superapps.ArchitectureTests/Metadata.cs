using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Superapps.ArchitectureTests;

/// <summary>
/// What an assembly uses from another, read from its metadata tables: every type it names (in fields,
/// signatures, base types, attributes and method bodies alike) is a type reference, and every method,
/// field or constructor it calls on such a type is a member reference.
/// </summary>
public static class Metadata
{
    /// <summary>Full names of the types, and "Type.Member" of the members, that <paramref name="user"/> uses from <paramref name="assemblyName"/>.</summary>
    public static IReadOnlySet<string> UsedFrom(Assembly user, string assemblyName)
    {
        using var stream = File.OpenRead(user.Location);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();

        var types = new Dictionary<TypeReferenceHandle, string>();
        foreach (var handle in reader.TypeReferences)
        {
            if (ScopeName(reader, handle) == assemblyName)
            {
                types[handle] = FullName(reader, handle);
            }
        }

        var used = new SortedSet<string>(types.Values, StringComparer.Ordinal);
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference && types.TryGetValue((TypeReferenceHandle)member.Parent, out var type))
            {
                used.Add($"{type}.{reader.GetString(member.Name)}");
            }
        }

        return used;
    }

    private static string? ScopeName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        return scope.Kind == HandleKind.AssemblyReference
            ? reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
            : null;
    }

    private static string FullName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return $"{FullName(reader, (TypeReferenceHandle)type.ResolutionScope)}+{name}";
        }

        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : $"{ns}.{name}";
    }
}

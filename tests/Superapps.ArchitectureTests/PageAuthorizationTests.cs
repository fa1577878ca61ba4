using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Superapps.Modularity;

namespace Superapps.ArchitectureTests;

/// <summary>Every routable page in a module library says who may use it, and the portal can find it.</summary>
public sealed class PageAuthorizationTests
{
    public static TheoryData<string> ModulePages() =>
        [.. Product.Assemblies.Where(a => Product.LayerOf(a) is Layer.Module or Layer.BuildingBlock or Layer.Contracts)
            .SelectMany(Pages)
            .Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(ModulePages))]
    public void A_module_page_is_public_and_states_who_may_use_it(string page)
    {
        var type = Product.Assemblies.Select(a => a.GetType(page)).Single(t => t is not null)!;
        var routes = string.Join(", ", type.GetCustomAttributes<RouteAttribute>().Select(r => r.Template));

        type.IsPublic.ShouldBeTrue($"{page} ({routes}) must be public, or the portal's router never finds it");
        var authorize = type.GetCustomAttributes(inherit: true).OfType<IAuthorizeData>().ToList();
        var anonymous = type.GetCustomAttributes(inherit: true).OfType<IAllowAnonymous>().Any();
        (authorize.Count > 0 || anonymous).ShouldBeTrue(
            $"{page} ({routes}) states no [Authorize(Policy = ...)] or deliberate [AllowAnonymous]");
    }

    [Fact]
    public void Every_assembly_with_pages_is_offered_to_the_portal_by_its_module()
    {
        var offered = Product.Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPortalModule).IsAssignableFrom(t))
            .Select(t => ((IPortalModule)Activator.CreateInstance(t)!).PagesAssembly)
            .ToHashSet();

        Product.Assemblies.Where(a => Product.LayerOf(a) is Layer.Module or Layer.BuildingBlock or Layer.Contracts)
            .Where(a => Pages(a).Any() && !offered.Contains(a))
            .Select(a => $"{a.GetName().Name} has routable pages but no IPortalModule whose PagesAssembly is it: the portal's router will not see them")
            .ShouldBeEmpty();
    }

    private static IEnumerable<Type> Pages(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.IsClass && typeof(IComponent).IsAssignableFrom(t) && t.IsDefined(typeof(RouteAttribute), inherit: false));
}

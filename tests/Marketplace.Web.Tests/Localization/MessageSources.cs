using System.Text.RegularExpressions;
using Marketplace.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Marketplace.Web.Tests.Localization;

/// <summary>Where a resource key was found, for the failure message.</summary>
public sealed record KeyUse(string Key, string Where);

/// <summary>
/// Reads the words the code says to people, from the source with Roslyn's semantic model (so it sees what the
/// compiler sees: a string literal that becomes a <c>Text</c> through the implicit conversion, a localizer's indexer
/// with a constant key), and from the Razor views by their <c>T["…"]</c> calls.
/// </summary>
public static partial class MessageSources
{
    private static readonly Lazy<Scan> Scanned = new(Run);

    /// <summary>Text templates, localizer keys, labels and attribute messages.</summary>
    public static IReadOnlyList<KeyUse> Keys => Scanned.Value.Keys;

    /// <summary>Messages built so they cannot be translated: an interpolated or computed string turned into a Text.</summary>
    public static IReadOnlyList<KeyUse> Untranslatable => Scanned.Value.Untranslatable;

    /// <summary>Actions written to the audit log (string arguments of parameters named "action").</summary>
    public static IReadOnlyList<KeyUse> AuditActions => Scanned.Value.Actions;

    private sealed record Scan(List<KeyUse> Keys, List<KeyUse> Untranslatable, List<KeyUse> Actions);

    private static readonly string[] Labelled = ["RequiredField", "MaxCharacters", "EmailField"];

    private static Scan Run()
    {
        var files = new[] { "Marketplace.Domain", "Marketplace.Web" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(ResourceFiles.Root, "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains("Migrations"))
            .ToList();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Preview), f)).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(f => !Path.GetFileName(f).StartsWith("Marketplace.", StringComparison.Ordinal))
            .DistinctBy(Path.GetFileName).Select(f => MetadataReference.CreateFromFile(f));
        var compilation = CSharpCompilation.Create("Scan", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var text = compilation.GetTypeByMetadataName("Marketplace.Domain.Common.Text")!;
        var localizer = compilation.GetTypeByMetadataName("Microsoft.Extensions.Localization.IStringLocalizer")!;
        var scan = new Scan([], [], []);
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var where = (SyntaxNode n) => $"{Path.GetRelativePath(ResourceFiles.Root, tree.FilePath)}:{n.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                switch (node)
                {
                    case ExpressionSyntax e when e is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax or BinaryExpressionSyntax or IdentifierNameSyntax
                                                 or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ConditionalAccessExpressionSyntax:
                        VisitExpression(e, model, text, scan, where);
                        break;
                    case ElementAccessExpressionSyntax index when IsLocalizer(model.GetTypeInfo(index.Expression).Type, localizer)
                                                                 && index.ArgumentList.Arguments.FirstOrDefault() is { } first
                                                                 && model.GetConstantValue(first.Expression) is { HasValue: true, Value: string key }:
                        scan.Keys.Add(new KeyUse(key, where(index)));
                        break;
                    case AttributeSyntax attribute:
                        VisitAttribute(attribute, model, scan, where);
                        break;
                }
            }
        }
        scan.Keys.AddRange(ViewKeys());
        return scan;
    }

    private static void VisitExpression(ExpressionSyntax e, SemanticModel model, INamedTypeSymbol text, Scan scan, Func<SyntaxNode, string> where)
    {
        var info = model.GetTypeInfo(e);
        if (info.Type?.SpecialType == SpecialType.System_String && model.GetConstantValue(e) is { HasValue: true, Value: string value })
        {
            // A template: the first argument of new Text(…), or a string that becomes a Text by conversion.
            var isTemplate = SymbolEqualityComparer.Default.Equals(info.ConvertedType, text)
                             || (e.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } list } argument
                                 && list.Arguments.IndexOf(argument) == 0
                                 && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(creation).Type, text));
            if (isTemplate && e.Parent is not BinaryExpressionSyntax) scan.Keys.Add(new KeyUse(value, where(e)));
            if (e.Parent is ArgumentSyntax arg && model.GetSymbolInfo(arg.Parent!.Parent!).Symbol is IMethodSymbol method
                && method.Parameters.FirstOrDefault(p => p.Name == (arg.NameColon?.Name.Identifier.Text ?? Parameter(method, arg))) is { Name: "action" })
                scan.Actions.Add(new KeyUse(value, where(e)));
            return;
        }
        if (info.Type?.SpecialType == SpecialType.System_String && SymbolEqualityComparer.Default.Equals(info.ConvertedType, text)
            && e.Parent is not BinaryExpressionSyntax)
            scan.Untranslatable.Add(new KeyUse(e.ToString(), where(e)));
    }

    private static string? Parameter(IMethodSymbol method, ArgumentSyntax argument) =>
        argument.Parent is ArgumentListSyntax list && list.Arguments.IndexOf(argument) is var i && i < method.Parameters.Length ? method.Parameters[i].Name : null;

    private static void VisitAttribute(AttributeSyntax attribute, SemanticModel model, Scan scan, Func<SyntaxNode, string> where)
    {
        var name = attribute.Name.ToString().Replace("Attribute", "");
        foreach (var argument in attribute.ArgumentList?.Arguments ?? [])
        {
            if (model.GetConstantValue(argument.Expression) is not { HasValue: true, Value: string value }) continue;
            var named = argument.NameEquals?.Name.Identifier.Text;
            if (named is "ErrorMessage" || (named is "Name" && name == "Display") || (named is null && Labelled.Contains(name)))
                scan.Keys.Add(new KeyUse(value, where(attribute)));
        }
    }

    private static bool IsLocalizer(ITypeSymbol? type, INamedTypeSymbol localizer) =>
        type is not null && (SymbolEqualityComparer.Default.Equals(type, localizer) || type.AllInterfaces.Contains(localizer, SymbolEqualityComparer.Default));

    /// <summary>T["…"] in the Razor views, with C# string escapes undone.</summary>
    private static IEnumerable<KeyUse> ViewKeys() =>
        Directory.EnumerateFiles(Path.Combine(ResourceFiles.Root, "src", "Marketplace.Web"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f).SelectMany((line, i) => ViewKey().Matches(line)
                .Select(m => new KeyUse(Regex.Unescape(m.Groups[1].Value), $"{Path.GetRelativePath(ResourceFiles.Root, f)}:{i + 1}"))));

    [GeneratedRegex("""\bT\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex ViewKey();
}

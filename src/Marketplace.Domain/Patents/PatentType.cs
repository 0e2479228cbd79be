namespace Marketplace.Domain.Patents;

/// <summary>The three kinds of Chinese patent right (专利法 art. 2). PCT entries map to invention or utility model.</summary>
public enum PatentType
{
    /// <summary>发明: substantively examined, 20-year term.</summary>
    Invention,

    /// <summary>实用新型: registered without substantive examination, 10-year term.</summary>
    UtilityModel,

    /// <summary>外观设计: registered without substantive examination, 15-year term (10 if filed before 2021-06-01).</summary>
    Design,
}

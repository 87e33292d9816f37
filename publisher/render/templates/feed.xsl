<?xml version="1.0" encoding="UTF-8"?>
<!-- Makes an RSS 2.0 or Atom 1.0 feed readable when opened in a browser. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/">
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="rss/channel/title|atom:feed/atom:title"/>（订阅源）</title>
        <style>
          body{font-family:"Noto Serif CJK SC","Songti SC",serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.8;color:#222}
          a{color:#a11}.note{background:#f6f1e7;padding:.6em 1em;border-radius:4px}.meta{color:#666;font-size:.9em}
        </style>
      </head>
      <body>
        <p class="note">这是一个订阅源（RSS/Atom）。把本页地址复制到阅读器中即可订阅。</p>
        <h1><xsl:value-of select="rss/channel/title|atom:feed/atom:title"/></h1>
        <p class="meta"><xsl:value-of select="rss/channel/description|atom:feed/atom:subtitle"/></p>
        <xsl:for-each select="rss/channel/item">
          <article>
            <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
            <p class="meta"><xsl:value-of select="pubDate"/></p>
            <p><xsl:value-of select="description" disable-output-escaping="no"/></p>
          </article>
        </xsl:for-each>
        <xsl:for-each select="atom:feed/atom:entry">
          <article>
            <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
            <p class="meta"><xsl:value-of select="atom:published"/></p>
            <p><xsl:value-of select="atom:summary"/></p>
          </article>
        </xsl:for-each>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>

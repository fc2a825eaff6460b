//! A small XML writer for feeds and the sitemap: quick-xml's `Writer` lays
//! out the declaration and the elements; every text and attribute value goes
//! through the code base's one escaper (`text::escape`), which
//! also drops the characters XML 1.0 forbids, so whatever a title holds the
//! file stays well-formed.

use std::borrow::Cow;
use std::io;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;

use crate::text::escape::escaped;

/// An XML document being written into memory.
pub struct XmlDoc {
    w: Writer<Vec<u8>>,
}

fn start<'a>(name: &'a str, attrs: &[(&'a str, &str)]) -> BytesStart<'a> {
    let mut e = BytesStart::new(name);
    for (key, value) in attrs {
        e.push_attribute(Attribute {
            key: QName(key),
            value: Cow::Owned(escaped(value)),
        });
    }
    e
}

impl XmlDoc {
    /// `<?xml version="1.0" encoding="utf-8"?>` and a newline.
    pub fn new() -> io::Result<XmlDoc> {
        let mut doc = XmlDoc {
            w: Writer::new(Vec::with_capacity(16 * 1024)),
        };
        doc.w
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
        doc.newline()?;
        Ok(doc)
    }

    pub fn newline(&mut self) -> io::Result<()> {
        self.w
            .write_event(Event::Text(BytesText::from_escaped("\n")))
    }

    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.w.write_event(Event::Start(start(name, attrs)))
    }

    pub fn close(&mut self, name: &str) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    /// `<name a="v"/>`
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.w.write_event(Event::Empty(start(name, attrs)))
    }

    /// `<name>text</name>`
    pub fn element(&mut self, name: &str, text: &str) -> io::Result<()> {
        self.open(name, &[])?;
        self.w
            .write_event(Event::Text(BytesText::from_escaped(escaped(text))))?;
        self.close(name)
    }

    pub fn finish(self) -> Vec<u8> {
        self.w.into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::XmlDoc;

    #[test]
    fn text_and_attributes_are_escaped_and_cleaned() {
        let mut d = XmlDoc::new().expect("doc");
        d.open("feed", &[("xmlns", "urn:x")]).expect("open");
        d.element("title", "a < b & \"c\" \u{1}").expect("title");
        d.empty("link", &[("href", "https://x/?a=1&b='2'")])
            .expect("link");
        d.close("feed").expect("close");
        let text = String::from_utf8(d.finish()).expect("utf-8");
        assert_eq!(
            text,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"urn:x\">\
             <title>a &lt; b &amp; &quot;c&quot; </title>\
             <link href=\"https://x/?a=1&amp;b=&#39;2&#39;\"/></feed>"
        );
    }
}

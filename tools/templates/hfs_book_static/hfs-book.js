/* hfs-edu book: nothing yet */
